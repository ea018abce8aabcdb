namespace Neaspec.Survey.Ingestion.Counts.Read;

/// <summary>Which column of a file holds which field.</summary>
public sealed class CountColumns
{
    private static readonly Dictionary<string, CountField> Names = new(StringComparer.OrdinalIgnoreCase)
    {
        ["site_code"] = CountField.SiteCode, ["locationID"] = CountField.SiteCode,
        ["site_name"] = CountField.SiteName, ["locality"] = CountField.SiteName,
        ["country"] = CountField.Country, ["countryCode"] = CountField.Country,
        ["latitude"] = CountField.Latitude, ["decimalLatitude"] = CountField.Latitude,
        ["longitude"] = CountField.Longitude, ["decimalLongitude"] = CountField.Longitude,
        ["date"] = CountField.Date, ["eventDate"] = CountField.Date,
        ["time"] = CountField.Time, ["eventTime"] = CountField.Time,
        ["species"] = CountField.Species, ["scientificName"] = CountField.Species,
        ["count"] = CountField.Count, ["individualCount"] = CountField.Count,
        ["count_type"] = CountField.CountType,
        ["method"] = CountField.Method, ["samplingProtocol"] = CountField.Method,
        ["observer"] = CountField.Observer, ["recordedBy"] = CountField.Observer,
        ["notes"] = CountField.Notes, ["occurrenceRemarks"] = CountField.Notes,
    };

    private static readonly CountField[] Required = [CountField.SiteCode, CountField.Date, CountField.Species, CountField.Count];

    private readonly int[] index;

    private CountColumns(int[] index, IReadOnlyList<string> headers, IReadOnlyList<string> ignored)
    {
        this.index = index;
        Headers = headers;
        Ignored = ignored;
    }

    public IReadOnlyList<string> Headers { get; }

    /// <summary>Columns the importer does not know and leaves alone.</summary>
    public IReadOnlyList<string> Ignored { get; }

    /// <summary>The column index of a field, or -1 when the file has no such column.</summary>
    public int this[CountField field] => index[(int)field];

    public bool Has(CountField field) => index[(int)field] >= 0;

    /// <summary>The header name the file uses for a field (for error messages).</summary>
    public string NameOf(CountField field) => Has(field) ? Headers[this[field]] : Canonical(field);

    public static string Canonical(CountField field) => field switch
    {
        CountField.SiteCode => "site_code", CountField.SiteName => "site_name", CountField.CountType => "count_type",
        _ => field.ToString().ToLowerInvariant(),
    };

    /// <summary>Whether a header is a count survey's: every required column is there, none twice.</summary>
    public static bool Recognises(IReadOnlyList<string> headers)
    {
        Map(headers, out var error);
        return error is null;
    }

    /// <summary>Maps a header; returns an error message when a required column is missing or a field
    /// is named twice.</summary>
    public static CountColumns Map(IReadOnlyList<string> headers, out string? error)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var index = Enumerable.Repeat(-1, Enum.GetValues<CountField>().Length).ToArray();
        var ignored = new List<string>();
        error = null;
        for (var i = 0; i < headers.Count; i++)
        {
            var name = headers[i].Trim().TrimStart('\uFEFF');
            if (!Names.TryGetValue(name, out var field))
            {
                ignored.Add(headers[i]);
                continue;
            }
            if (index[(int)field] >= 0)
            {
                error = $"columns '{headers[index[(int)field]]}' and '{headers[i]}' both give {Canonical(field)}";
                continue;
            }
            index[(int)field] = i;
        }
        var missing = Required.Where(f => index[(int)f] < 0).Select(Canonical).ToList();
        if (missing.Count > 0)
        {
            error = $"missing required column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)} " +
                    $"(found: {string.Join(", ", headers)}); expected the canonical header " +
                    "site_code,site_name,country,latitude,longitude,date,time,species,count,count_type,method,observer,notes " +
                    "or Darwin Core (locationID, eventDate, scientificName, individualCount, ...)";
        }
        return new CountColumns(index, headers, ignored);
    }
}
