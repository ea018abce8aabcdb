using Neaspec.Survey.Storage;
using Npgsql;

namespace Neaspec.Survey.Sharing.Tracks;

/// <summary>Which tracks to export: studies (by name; empty = all), species, dates (UTC days, <c>--to</c>
/// included) and generalisation as for counts, and whether to keep only the first good fix of each hour.</summary>
public sealed record TrackSelection
{
    public required ExportSelection Filter { get; init; }
    public IReadOnlyList<string> Studies { get; init; } = [];
    public bool Hourly { get; init; }

    /// <summary>Checks the studies and the filter as <see cref="ExportSelection.ParseAsync"/> does.</summary>
    public static async Task<(TrackSelection? Selection, IReadOnlyList<string> Problems)> ParseAsync(SurveyDatabase database,
        IReadOnlyList<string> studies, IReadOnlyList<string> species, DateOnly? from, DateOnly? to, double? generaliseKm, string? title,
        bool hourly, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(studies);
        var (filter, problems) = await ExportSelection.ParseAsync(database, species, from, to, [], generaliseKm, title, cancellationToken);
        var all = new List<string>(problems);
        var known = new HashSet<string>(StringComparer.Ordinal);
        if (studies.Count > 0)
        {
            await using var conn = await database.DataSource.OpenConnectionAsync(cancellationToken);
            await using var cmd = new NpgsqlCommand("select name from studies", conn);
            await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                known.Add(reader.GetString(0));
            }
        }
        foreach (var study in studies.Where(s => !known.Contains(s)))
        {
            all.Add($"--study '{study}': no such study (neaspec tracks summary lists them)");
        }
        if (all.Count > 0)
        {
            return (null, all);
        }
        return (new TrackSelection { Filter = filter!, Studies = [.. studies.Distinct(StringComparer.Ordinal)], Hourly = hourly }, []);
    }
}
