using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Neaspec.Survey.Ingestion.Ledger;
using Neaspec.Survey.Storage;
using Neaspec.Survey.Storage.Model;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;
using Npgsql;

namespace Neaspec.Survey.Ingestion.Sites;

/// <summary>A site as a sites file describes it.</summary>
public sealed record SiteRecord(long Line, string Code, string NameEn, string Country, Point Location, Geometry? Area,
    IReadOnlyDictionary<string, string?> Names);

/// <summary>What a sites import did.</summary>
public sealed record SiteImportResult(string Status, long? ImportId, string Message, int Inserted, int Updated,
    IReadOnlyList<RowError> Errors, string? ErrorReportPath);

/// <summary>Loads a sites file — CSV (<c>site_code,name_en,name_zh,name_ja,name_ko,name_ru,name_mn,country,
/// latitude,longitude[,area_wkt]</c>) or GeoJSON (a FeatureCollection of Points or Polygons with the same
/// properties) — and upserts the sites by code. A provisional site named in the file becomes a confirmed
/// one. All or nothing: one bad site rejects the file.</summary>
public sealed class SiteImporter(SurveyDatabase database)
{
    private static readonly string[] Languages = ["zh", "ja", "ko", "ru", "mn"];
    private static readonly GeometryFactory Factory = NetTopologySuite.NtsGeometryServices.Instance.CreateGeometryFactory(4326);

    public async Task<SiteImportResult> ImportAsync(string path, string? importedBy = null, CancellationToken cancellationToken = default)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such file", path);
        }
        var ledger = new ImportLedger(database);
        var sha = await FileFingerprint.Sha256Async(path, cancellationToken);
        var claim = await ledger.ClaimAsync(sha, ImportKind.Sites, path, importedBy, cancellationToken);
        if (claim is LedgerClaim.AlreadyImported done)
        {
            return new SiteImportResult(ImportStatus.Unchanged, done.ImportId,
                $"{Path.GetFileName(path)}: already imported (import #{done.ImportId}); nothing to do", 0, 0, [], null);
        }
        if (claim is LedgerClaim.InProgress running)
        {
            return new SiteImportResult(ImportStatus.Running, running.ImportId,
                $"{Path.GetFileName(path)}: being imported by another process (import #{running.ImportId})", 0, 0, [], null);
        }
        var (importId, conn) = (LedgerClaim.Claimed)claim;
        await using (conn)
        {
            try
            {
                var errors = new List<RowError>();
                var isJson = path.EndsWith(".geojson", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".json", StringComparison.OrdinalIgnoreCase);
                var sites = isJson ? ReadGeoJson(path, errors) : ReadCsv(path, errors);
                var duplicate = sites.GroupBy(s => s.Code, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1);
                foreach (var g in duplicate)
                {
                    errors.AddRange(g.Skip(1).Select(s => new RowError(s.Line, "site_code", s.Code, $"duplicate of line {g.First().Line}")));
                }
                if (errors.Count == 0 && sites.Count == 0)
                {
                    errors.Add(new RowError(1, null, null, "the file holds no sites"));
                }
                if (errors.Count > 0)
                {
                    var report = ErrorReport.Write(path, errors);
                    var message = $"{Path.GetFileName(path)}: rejected, nothing stored: {errors.Count} error(s), first: {errors[0]}";
                    await ledger.FinishAsync(importId, new ImportOutcome(ImportStatus.Rejected)
                    {
                        RowsRead = sites.Count, RowsRejected = errors.Select(e => e.Line).Distinct().LongCount(),
                        Message = message, Errors = errors, ErrorReportPath = report,
                    }, CancellationToken.None);
                    return new SiteImportResult(ImportStatus.Rejected, importId, message, 0, 0, errors, report);
                }

                var (inserted, updated) = await UpsertAsync(conn, sites, importId, cancellationToken);
                var ok = $"{Path.GetFileName(path)}: {inserted} site(s) added, {updated} updated";
                await ledger.FinishAsync(importId, new ImportOutcome(ImportStatus.Succeeded)
                {
                    RowsRead = sites.Count, RowsAccepted = sites.Count, Message = ok,
                }, CancellationToken.None);
                return new SiteImportResult(ImportStatus.Succeeded, importId, ok, inserted, updated, [], null);
            }
            catch (Exception ex)
            {
                await ledger.TryMarkFailedAsync(importId, ex);
                throw;
            }
        }
    }

    private static async Task<(int Inserted, int Updated)> UpsertAsync(NpgsqlConnection conn, List<SiteRecord> sites, long importId, CancellationToken ct)
    {
        int inserted = 0, updated = 0;
        await using var tx = await conn.BeginTransactionAsync(ct);
        foreach (var s in sites)
        {
            await using var cmd = new NpgsqlCommand(
                """
                insert into sites (code, name_en, name_zh, name_ja, name_ko, name_ru, name_mn, country_code, location, area,
                                   is_provisional, created_by_import_id)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, false, $11)
                on conflict (code) do update set name_en = excluded.name_en, name_zh = excluded.name_zh,
                    name_ja = excluded.name_ja, name_ko = excluded.name_ko, name_ru = excluded.name_ru,
                    name_mn = excluded.name_mn, country_code = excluded.country_code, location = excluded.location,
                    area = coalesce(excluded.area, sites.area), is_provisional = false
                returning (xmax = 0)
                """, conn, tx);
            cmd.Parameters.AddWithValue(s.Code);
            cmd.Parameters.AddWithValue(s.NameEn);
            foreach (var lang in Languages)
            {
                cmd.Parameters.AddWithValue((object?)s.Names.GetValueOrDefault(lang) ?? DBNull.Value);
            }
            cmd.Parameters.AddWithValue(s.Country);
            cmd.Parameters.AddWithValue(s.Location);
            cmd.Parameters.AddWithValue((object?)s.Area ?? DBNull.Value);
            cmd.Parameters.AddWithValue(importId);
            if (await cmd.ExecuteScalarAsync(ct) is true)
            {
                inserted++;
            }
            else
            {
                updated++;
            }
        }
        await tx.CommitAsync(ct);
        return (inserted, updated);
    }

    private static List<SiteRecord> ReadCsv(string path, List<RowError> errors)
    {
        var sites = new List<SiteRecord>();
        using var reader = CsvReader.FromFile(path, new CsvReaderOptions { TrackLineNumbers = true });
        var headers = reader.Headers.Select(h => h.Trim()).ToList();
        int Col(params string[] names) => headers.FindIndex(h => names.Any(n => string.Equals(h, n, StringComparison.OrdinalIgnoreCase)));
        var code = Col("site_code", "code", "locationID");
        var nameEn = Col("name_en", "site_name", "name", "locality");
        var country = Col("country", "country_code", "countryCode");
        var lat = Col("latitude", "lat", "decimalLatitude");
        var lon = Col("longitude", "lon", "decimalLongitude");
        var wkt = Col("area_wkt", "wkt");
        var langs = Languages.ToDictionary(l => l, l => Col($"name_{l}"));
        var missing = new[] { ("site_code", code), ("name_en", nameEn), ("country", country), ("latitude", lat), ("longitude", lon) }
            .Where(c => c.Item2 < 0).Select(c => c.Item1).ToList();
        if (missing.Count > 0)
        {
            errors.Add(new RowError(1, null, string.Join(",", headers), $"missing required column(s) {string.Join(", ", missing)}"));
            return sites;
        }
        while (reader.Read())
        {
            var line = reader.LineNumber;
            string? Get(int i) => i >= 0 && i < reader.FieldCount ? reader.GetString(i)?.Trim() is { Length: > 0 } v ? v : null : null;
            var before = errors.Count;
            var c = Get(code);
            if (c is null)
            {
                errors.Add(new RowError(line, headers[code], "", "site code is required"));
            }
            var point = ReadPoint(line, Get(lat), Get(lon), headers[lat], headers[lon], errors);
            var cc = CheckCountry(line, headers[country], Get(country), errors);
            Geometry? area = null;
            if (Get(wkt) is { } text)
            {
                try
                {
                    area = new NetTopologySuite.IO.WKTReader(NetTopologySuite.NtsGeometryServices.Instance).Read(text);
                    area.SRID = 4326;
                }
                catch (Exception ex) when (ex is NetTopologySuite.IO.ParseException or ArgumentException)
                {
                    errors.Add(new RowError(line, headers[wkt], text, $"not a WKT geometry: {ex.Message}"));
                }
            }
            if (errors.Count == before)
            {
                sites.Add(new SiteRecord(line, c!, Get(nameEn) ?? c!, cc!, point!, area,
                    langs.ToDictionary(kv => kv.Key, kv => Get(kv.Value))));
            }
        }
        return sites;
    }

    private static List<SiteRecord> ReadGeoJson(string path, List<RowError> errors)
    {
        var sites = new List<SiteRecord>();
        var options = new JsonSerializerOptions { Converters = { new GeoJsonConverterFactory(Factory) } };
        FeatureCollection? collection;
        try
        {
            using var stream = File.OpenRead(path);
            collection = JsonSerializer.Deserialize<FeatureCollection>(stream, options);
        }
        catch (JsonException ex)
        {
            errors.Add(new RowError(ex.LineNumber + 1 ?? 1, null, null, $"not valid GeoJSON: {ex.Message}"));
            return sites;
        }
        if (collection is null)
        {
            errors.Add(new RowError(1, null, null, "not a GeoJSON FeatureCollection"));
            return sites;
        }
        var n = 0;
        foreach (var feature in collection)
        {
            n++;
            string? Prop(params string[] names)
            {
                foreach (var name in names)
                {
                    if (feature.Attributes?.Exists(name) == true && feature.Attributes[name]?.ToString() is { Length: > 0 } v)
                    {
                        return v.Trim();
                    }
                }
                return null;
            }
            var before = errors.Count;
            var code = Prop("site_code", "code");
            if (code is null)
            {
                errors.Add(new RowError(n, "properties.site_code", "", $"feature {n}: site code is required"));
            }
            var cc = CheckCountry(n, "properties.country", Prop("country", "country_code"), errors);
            Point? point = null;
            Geometry? area = null;
            switch (feature.Geometry)
            {
                case Point p:
                    point = p;
                    break;
                case Polygon or MultiPolygon:
                    area = feature.Geometry;
                    point = feature.Geometry.InteriorPoint;
                    break;
                default:
                    errors.Add(new RowError(n, "geometry", feature.Geometry?.GeometryType ?? "null", $"feature {n}: geometry must be a Point, Polygon or MultiPolygon"));
                    break;
            }
            if (point is not null && (Math.Abs(point.Y) > 90 || Math.Abs(point.X) > 180))
            {
                errors.Add(new RowError(n, "geometry", point.AsText(), $"feature {n}: coordinates out of range (GeoJSON is [longitude, latitude])"));
            }
            if (errors.Count == before)
            {
                point = Factory.CreatePoint(point!.Coordinate);
                if (area is not null)
                {
                    area.SRID = 4326;
                }
                sites.Add(new SiteRecord(n, code!, Prop("name_en", "name") ?? code!, cc!, point, area,
                    Languages.ToDictionary(l => l, l => Prop($"name_{l}"))));
            }
        }
        return sites;
    }

    private static Point? ReadPoint(long line, string? latText, string? lonText, string latName, string lonName, List<RowError> errors)
    {
        var ok = true;
        if (!double.TryParse(latText, NumberStyles.Float, CultureInfo.InvariantCulture, out var lat) || Math.Abs(lat) > 90)
        {
            errors.Add(new RowError(line, latName, latText ?? "", "latitude must be decimal degrees within ±90"));
            ok = false;
        }
        if (!double.TryParse(lonText, NumberStyles.Float, CultureInfo.InvariantCulture, out var lon) || Math.Abs(lon) > 180)
        {
            errors.Add(new RowError(line, lonName, lonText ?? "", "longitude must be decimal degrees within ±180"));
            ok = false;
        }
        return ok ? Factory.CreatePoint(new Coordinate(lon, lat)) : null;
    }

    private static string? CheckCountry(long line, string column, string? value, List<RowError> errors)
    {
        var cc = value?.ToUpperInvariant();
        if (cc is { Length: 2 } && cc.All(char.IsAsciiLetterUpper))
        {
            return cc;
        }
        errors.Add(new RowError(line, column, value ?? "", "country must be an ISO 3166-1 alpha-2 code (KR, CN, JP, KP, MN, RU, TW, HK, ...)"));
        return null;
    }
}
