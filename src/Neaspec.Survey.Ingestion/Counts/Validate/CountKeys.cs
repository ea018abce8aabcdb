using Neaspec.Survey.Ingestion.Ledger;

namespace Neaspec.Survey.Ingestion.Counts.Validate;

/// <summary>The survey visits of a file, numbered in order of first appearance, and the (visit, species)
/// pairs it counts: memory holds the file's keys, not its rows. Staging carries the small visit numbers;
/// the survey ids are resolved once, set-based.</summary>
public sealed class CountKeys
{
    // (site, date, time) -> visit; site codes match without case, as the sites table's lookups do.
    private readonly Dictionary<(string Site, DateOnly Date, TimeOnly? Time), CountVisit> visits = new(VisitKeyComparer.Instance);
    // (visit, species) -> first line, to report duplicate rows without a round trip to the database.
    private readonly Dictionary<(int Visit, string Species), long> seen = [];
    private readonly HashSet<string> species = new(StringComparer.Ordinal);

    public IReadOnlyCollection<CountVisit> Visits => visits.Values;

    /// <summary>The species the file counts (scientific names): a corrected file replaces these.</summary>
    public IReadOnlyCollection<string> Species => species;

    /// <summary>The visit of <paramref name="row"/>, or a duplicate error when the file counted its species at
    /// that visit before.</summary>
    public (CountVisit Visit, RowError? Duplicate) Add(CountRow row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var key = (row.SiteCode, row.Date, row.Time);
        if (!visits.TryGetValue(key, out var visit))
        {
            visit = new CountVisit(visits.Count + 1, row.SiteCode, row.Date, row.Time, row.Method, row.Observer);
            visits.Add(key, visit);
        }
        if (!seen.TryAdd((visit.Number, row.Species), row.Line))
        {
            return (visit, new RowError(row.Line, null, null, $"duplicate of line {seen[(visit.Number, row.Species)]}: same site, date, time and species"));
        }
        species.Add(row.Species);
        return (visit, null);
    }

    private sealed class VisitKeyComparer : IEqualityComparer<(string Site, DateOnly Date, TimeOnly? Time)>
    {
        public static readonly VisitKeyComparer Instance = new();

        public bool Equals((string Site, DateOnly Date, TimeOnly? Time) x, (string Site, DateOnly Date, TimeOnly? Time) y) =>
            x.Date == y.Date && x.Time == y.Time && string.Equals(x.Site, y.Site, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((string Site, DateOnly Date, TimeOnly? Time) key) =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(key.Site), key.Date, key.Time);
    }
}
