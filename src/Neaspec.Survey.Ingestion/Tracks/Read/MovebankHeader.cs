namespace Neaspec.Survey.Ingestion.Tracks.Read;

/// <summary>Where the attributes the importer understands are in a Movebank header. Movebank writes the
/// same attribute as <c>location-long</c> (CSV export), <c>location_long</c> (REST API) or
/// <c>location.long</c> (R, move/move2), so names are compared after folding case and '_' / '.' to '-'.
/// Movebank's common numeric attributes (<see cref="MeasureNames"/>) go to typed columns of <c>fixes</c>; every
/// other named column is an attribute kept per fix in <c>fixes.attributes</c>.</summary>
public sealed class MovebankHeader
{
    public const int Missing = -1;

    private MovebankHeader(IReadOnlyList<string> names)
    {
        Names = names;
    }

    /// <summary>The header as written.</summary>
    public IReadOnlyList<string> Names { get; }

    public int EventId { get; private init; } = Missing;
    public int Visible { get; private init; } = Missing;
    public int Timestamp { get; private init; } = Missing;
    public int Longitude { get; private init; } = Missing;
    public int Latitude { get; private init; } = Missing;
    public int Hdop { get; private init; } = Missing;
    public int SatelliteCount { get; private init; } = Missing;
    public int MarkedOutlier { get; private init; } = Missing;
    public int SensorType { get; private init; } = Missing;
    public int Taxon { get; private init; } = Missing;
    public int Tag { get; private init; } = Missing;
    public int Individual { get; private init; } = Missing;
    public int Study { get; private init; } = Missing;

    /// <summary>The columns of <see cref="MeasureNames"/>, in that order (<see cref="Missing"/> when absent).</summary>
    public IReadOnlyList<int> Measures { get; private init; } = [];

    /// <summary>Movebank attributes stored as numbers in columns of their own (real): ground-speed (m/s), heading
    /// (degrees), height-above-ellipsoid (m), external-temperature (°C). As text in jsonb they cost the bulk load
    /// a parse per value and 30 bytes a row (docs/tracks.md).</summary>
    public static readonly IReadOnlyList<string> MeasureNames = ["ground-speed", "heading", "height-above-ellipsoid", "external-temperature"];

    /// <summary>Columns kept per fix as attributes: index and header name as written.</summary>
    public IReadOnlyList<(int Index, string Name)> Attributes { get; private init; } = [];

    /// <summary>Columns without a name (R's row numbers): dropped.</summary>
    public IReadOnlyList<int> Unnamed { get; private init; } = [];

    /// <summary>The name compared: lower case, '_' and '.' as '-', surrounding quotes and spaces removed.</summary>
    public static string Canonical(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Trim().Trim('"').Trim().ToLowerInvariant().Replace('_', '-').Replace('.', '-');
    }

    // Movebank reference data (deployments), each attribute in the spellings the export and the REST API
    // use (canonical forms). The first of each is the reference data's own name.
    public static readonly IReadOnlyList<string> ReferenceTag = ["tag-id", "tag-local-identifier"];
    public static readonly IReadOnlyList<string> ReferenceAnimal = ["animal-id", "individual-local-identifier"];
    public static readonly IReadOnlyList<string> ReferenceTaxon = ["animal-taxon", "individual-taxon-canonical-name"];
    public static readonly IReadOnlyList<string> ReferenceDeployOn = ["deploy-on-date", "deploy-on-timestamp"];
    public static readonly IReadOnlyList<string> ReferenceDeployOff = ["deploy-off-date", "deploy-off-timestamp"];

    /// <summary>Whether a header names Movebank event data: location-long and location-lat, in any spelling.</summary>
    public static bool NamesEventData(IEnumerable<string> names)
    {
        var canonical = names.Select(Canonical).ToHashSet(StringComparer.Ordinal);
        return canonical.Contains("location-long") && canonical.Contains("location-lat");
    }

    /// <summary>Whether a header names Movebank reference data: deploy-on-date, or animal-id and tag-id.</summary>
    public static bool NamesReferenceData(IEnumerable<string> names)
    {
        var canonical = names.Select(Canonical).ToHashSet(StringComparer.Ordinal);
        return canonical.Contains(ReferenceDeployOn[0]) || (canonical.Contains(ReferenceAnimal[0]) && canonical.Contains(ReferenceTag[0]));
    }

    /// <summary>The column of the first spelling of <paramref name="spellings"/> found among
    /// <paramref name="canonicalNames"/>, or <see cref="Missing"/>.</summary>
    public static int Find(IReadOnlyList<string> canonicalNames, IReadOnlyList<string> spellings)
    {
        ArgumentNullException.ThrowIfNull(canonicalNames);
        ArgumentNullException.ThrowIfNull(spellings);
        foreach (var spelling in spellings)
        {
            for (var i = 0; i < canonicalNames.Count; i++)
            {
                if (canonicalNames[i] == spelling)
                {
                    return i;
                }
            }
        }
        return Missing;
    }

    /// <summary>Maps a header; a problem (missing required column, a column named twice) is a message.</summary>
    public static MovebankHeader Parse(IReadOnlyList<string> names, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(names);
        var known = new Dictionary<string, int>(StringComparer.Ordinal);
        var attributes = new List<(int, string)>();
        var unnamed = new List<int>();
        var fallbacks = new Dictionary<string, int>(StringComparer.Ordinal);
        var measures = MeasureNames.Select(_ => Missing).ToArray();
        problem = null;
        for (var i = 0; i < names.Count; i++)
        {
            var canonical = Canonical(names[i]);
            if (canonical.Length == 0 || (i == 0 && canonical is "x" or "row" or "row-names"))
            {
                // R's write.csv puts an unnamed (or "X" after read.csv) row-number column first.
                unnamed.Add(i);
                continue;
            }
            if (Fallbacks.TryGetValue(canonical, out var fallback))
            {
                // Used only when the file lacks the attribute itself (see below); kept as an attribute too.
                fallbacks.TryAdd(fallback, i);
                attributes.Add((i, names[i].Trim()));
            }
            else if (MeasureIndex(canonical) is >= 0 and var m && measures[m] == Missing)
            {
                measures[m] = i;
            }
            else if (Aliases.TryGetValue(canonical, out var attribute))
            {
                if (!known.TryAdd(attribute, i))
                {
                    problem ??= $"the header names '{attribute}' twice (columns {known[attribute] + 1} and {i + 1})";
                }
            }
            else
            {
                attributes.Add((i, names[i].Trim()));
            }
        }

        int At(string a) => known.TryGetValue(a, out var i) ? i : fallbacks.TryGetValue(a, out var f) ? f : Missing;
        var header = new MovebankHeader(names)
        {
            EventId = At("event-id"),
            Visible = At("visible"),
            Timestamp = At("timestamp"),
            Longitude = At("location-long"),
            Latitude = At("location-lat"),
            Hdop = At("gps:hdop"),
            SatelliteCount = At("gps:satellite-count"),
            MarkedOutlier = At("manually-marked-outlier"),
            SensorType = At("sensor-type"),
            Taxon = At("individual-taxon-canonical-name"),
            Tag = At("tag-local-identifier"),
            Individual = At("individual-local-identifier"),
            Study = At("study-name"),
            Attributes = attributes,
            Measures = measures,
            Unnamed = unnamed,
        };
        if (problem is null)
        {
            var missing = new List<string>();
            if (header.Timestamp == Missing) missing.Add("timestamp");
            if (header.Longitude == Missing) missing.Add("location-long");
            if (header.Latitude == Missing) missing.Add("location-lat");
            if (header.Individual == Missing && header.Tag == Missing) missing.Add("individual-local-identifier (or tag-local-identifier)");
            if (missing.Count > 0)
            {
                problem = $"the header has no {string.Join(", ", missing)} column: is this a Movebank export? " +
                    $"(columns found: {string.Join(", ", names.Take(12))}{(names.Count > 12 ? ", ..." : "")})";
            }
        }
        return header;
    }

    private static int MeasureIndex(string canonical)
    {
        for (var m = 0; m < MeasureNames.Count; m++)
        {
            if (MeasureNames[m] == canonical)
            {
                return m;
            }
        }
        return Missing;
    }

    // Movebank's numeric database ids (REST API: individual_id, tag_id), standing in for the local
    // identifiers only when a file has no local identifiers.
    private static readonly Dictionary<string, string> Fallbacks = new(StringComparer.Ordinal)
    {
        ["individual-id"] = "individual-local-identifier",
        ["tag-id"] = "tag-local-identifier",
    };

    // Movebank attribute name -> the attribute it stands for. Canonical forms only (see Canonical).
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["event-id"] = "event-id",
        ["visible"] = "visible",
        ["timestamp"] = "timestamp",
        ["location-long"] = "location-long",
        ["location-lat"] = "location-lat",
        ["gps:hdop"] = "gps:hdop",
        ["gps-hdop"] = "gps:hdop",
        ["gps:satellite-count"] = "gps:satellite-count",
        ["gps-satellite-count"] = "gps:satellite-count",
        ["manually-marked-outlier"] = "manually-marked-outlier",
        ["sensor-type"] = "sensor-type",
        ["individual-taxon-canonical-name"] = "individual-taxon-canonical-name",
        ["tag-local-identifier"] = "tag-local-identifier",
        ["individual-local-identifier"] = "individual-local-identifier",
        ["study-name"] = "study-name",
    };
}
