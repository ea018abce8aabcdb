using CsvHelper;
using Neaspec.Survey.Ingestion.Import;
using Neaspec.Survey.Ingestion.Ledger;
using Neaspec.Survey.Ingestion.Sites.Validate;
using NetTopologySuite.Geometries;

namespace Neaspec.Survey.Ingestion.Sites.Read;

/// <summary>Reads a sites CSV (<c>site_code,name_en,name_zh,name_ja,name_ko,name_ru,name_mn,country,
/// latitude,longitude[,area_wkt]</c>, names as <see cref="SiteColumns"/> allows): every valid site, and the
/// errors of the others. Sites files are small: read whole, within the <see cref="ImportLimits"/>.</summary>
public static class SiteCsvReader
{
    /// <summary>Reads <paramref name="input"/> (and disposes it).</summary>
    public static List<SiteRecord> Read(LimitedInput input, ImportLimits limits, List<RowError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(limits);
        var sites = new List<SiteRecord>();
        using var reader = CsvReader.Create(input, CsvRecordCheck.Bounded(new CsvReaderOptions { TrackLineNumbers = true }, limits));
        var headers = reader.Headers.Select(h => h.Trim()).ToList();
        CsvRecordCheck.Header(headers, limits);
        var check = new CsvRecordCheck(reader, headers, limits);
        var (code, nameEn, country) = (SiteColumns.Find(headers, SiteColumns.Code), SiteColumns.Find(headers, SiteColumns.NameEn),
            SiteColumns.Find(headers, SiteColumns.Country));
        var (lat, lon, wkt) = (SiteColumns.Find(headers, SiteColumns.Latitude), SiteColumns.Find(headers, SiteColumns.Longitude),
            SiteColumns.Find(headers, SiteColumns.AreaWkt));
        var languages = SiteValues.Languages.ToDictionary(l => l, l => SiteColumns.Find(headers, [$"name_{l}"]));
        var missing = new[] { ("site_code", code), ("name_en", nameEn), ("country", country), ("latitude", lat), ("longitude", lon) }
            .Where(c => c.Item2 < 0).Select(c => c.Item1).ToList();
        if (missing.Count > 0)
        {
            errors.Add(new RowError(1, null, string.Join(",", headers), $"missing required column(s) {string.Join(", ", missing)}"));
            return sites;
        }
        while (CsvRecordCheck.Read(reader, limits))
        {
            var line = reader.LineNumber;
            if (check.Check(line) is { } bad)
            {
                errors.Add(bad);
                continue;
            }
            string? Get(int i) => i >= 0 && i < reader.FieldCount ? reader.GetString(i)?.Trim() is { Length: > 0 } v ? v : null : null;
            var before = errors.Count;
            var c = Get(code);
            if (c is null)
            {
                errors.Add(new RowError(line, headers[code], "", "site code is required"));
            }
            else if (System.Text.Encoding.UTF8.GetByteCount(c) > ImportLimits.MaxIdentifierBytes)
            {
                errors.Add(new RowError(line, headers[code], c[..200] + "...", $"a site code longer than {ImportLimits.MaxIdentifierBytes:N0} bytes"));
            }
            var point = SiteValues.Point(line, Get(lat), Get(lon), headers[lat], headers[lon], errors);
            var cc = SiteValues.Country(line, headers[country], Get(country), errors);
            var area = Get(wkt) is { } text ? Area(line, headers[wkt], text, errors) : null;
            if (errors.Count == before)
            {
                sites.Add(new SiteRecord(line, c!, Get(nameEn) ?? c!, cc!, point!, area, languages.ToDictionary(kv => kv.Key, kv => Get(kv.Value))));
            }
        }
        return sites;
    }

    private static Geometry? Area(long line, string column, string text, List<RowError> errors)
    {
        try
        {
            var area = new NetTopologySuite.IO.WKTReader(NetTopologySuite.NtsGeometryServices.Instance).Read(text);
            area.SRID = 4326;
            return area;
        }
        catch (Exception ex) when (ex is NetTopologySuite.IO.ParseException or ArgumentException)
        {
            errors.Add(new RowError(line, column, text, $"not a WKT geometry: {ex.Message}"));
            return null;
        }
    }
}
