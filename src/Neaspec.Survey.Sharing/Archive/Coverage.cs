namespace Neaspec.Survey.Sharing.Archive;

/// <summary>What an archive holds, gathered while its rows stream out, for the EML coverage (geographic,
/// temporal, taxonomic) and abstract. Built from the coordinates as published (generalised ones where they
/// were), so the bounding box never reveals more than the data do.</summary>
public sealed class Coverage
{
    private const int MaxProtocols = 20;
    private readonly SortedDictionary<string, string?> taxa = new(StringComparer.Ordinal);
    private readonly SortedSet<string> countries = new(StringComparer.Ordinal);
    private readonly SortedSet<string> protocols = new(StringComparer.Ordinal);

    public double West { get; private set; } = double.PositiveInfinity;
    public double East { get; private set; } = double.NegativeInfinity;
    public double South { get; private set; } = double.PositiveInfinity;
    public double North { get; private set; } = double.NegativeInfinity;
    public DateOnly? First { get; private set; }
    public DateOnly? Last { get; private set; }

    /// <summary>Scientific name -> English name (or null), in name order.</summary>
    public IReadOnlyDictionary<string, string?> Taxa => taxa;
    public IReadOnlyCollection<string> Countries => countries;
    /// <summary>Distinct sampling protocols, at most 20 (the rest are counted in <see cref="MoreProtocols"/>).</summary>
    public IReadOnlyCollection<string> Protocols => protocols;
    public bool MoreProtocols { get; private set; }

    /// <summary>Places where data are (sites, or fixes).</summary>
    public long Places { get; set; }

    public bool HasPlaces => West <= East;

    public void AddPoint(double latitude, double longitude)
    {
        West = Math.Min(West, longitude);
        East = Math.Max(East, longitude);
        South = Math.Min(South, latitude);
        North = Math.Max(North, latitude);
    }

    public void AddDate(DateOnly date)
    {
        if (First is null || date < First)
        {
            First = date;
        }
        if (Last is null || date > Last)
        {
            Last = date;
        }
    }

    public void AddTaxon(string scientificName, string? englishName) => taxa.TryAdd(scientificName, englishName);

    public void AddCountry(string code) => countries.Add(code);

    public void AddProtocol(string? protocol)
    {
        if (string.IsNullOrWhiteSpace(protocol) || protocols.Contains(protocol))
        {
            return;
        }
        if (protocols.Count < MaxProtocols)
        {
            protocols.Add(protocol);
        }
        else
        {
            MoreProtocols = true;
        }
    }
}
