namespace Neaspec.Survey.Ingestion.Sites.Read;

/// <summary>The header names a sites CSV may use for each field (case-insensitive), and which columns make a
/// header a sites file's.</summary>
public static class SiteColumns
{
    public static readonly IReadOnlyList<string> Code = ["site_code", "code", "locationID"];
    public static readonly IReadOnlyList<string> NameEn = ["name_en", "site_name", "name", "locality"];
    public static readonly IReadOnlyList<string> Country = ["country", "country_code", "countryCode"];
    public static readonly IReadOnlyList<string> Latitude = ["latitude", "lat", "decimalLatitude"];
    public static readonly IReadOnlyList<string> Longitude = ["longitude", "lon", "decimalLongitude"];
    public static readonly IReadOnlyList<string> AreaWkt = ["area_wkt", "wkt"];

    /// <summary>The column of the first of <paramref name="names"/> in <paramref name="headers"/>, or -1.</summary>
    public static int Find(IReadOnlyList<string> headers, IReadOnlyList<string> names)
    {
        ArgumentNullException.ThrowIfNull(headers);
        for (var i = 0; i < headers.Count; i++)
        {
            if (names.Contains(headers[i].Trim(), StringComparer.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>Whether a header is a sites file's: <c>site_code</c> with <c>name_en</c>, or with
    /// <c>latitude</c> and <c>longitude</c> (a count survey's header, which also has them, is told apart first).</summary>
    public static bool Recognises(IReadOnlyList<string> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var plain = headers.Select(h => h.Trim().ToLowerInvariant()).ToHashSet();
        return plain.Contains("site_code") && (plain.Contains("name_en") || (plain.Contains("latitude") && plain.Contains("longitude")));
    }
}
