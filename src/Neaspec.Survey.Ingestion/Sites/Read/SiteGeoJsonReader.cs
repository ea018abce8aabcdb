using System.Text.Json;
using Neaspec.Survey.Ingestion.Import;
using Neaspec.Survey.Ingestion.Ledger;
using Neaspec.Survey.Ingestion.Sites.Validate;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Neaspec.Survey.Ingestion.Sites.Read;

/// <summary>Reads a GeoJSON FeatureCollection of sites (Points, or Polygons whose interior point becomes the
/// site's point) with the same properties as a sites CSV. A feature's "line" is its number in the collection.</summary>
public static class SiteGeoJsonReader
{
    /// <summary>Reads the GeoJSON file at <paramref name="path"/>, which is parsed whole: larger than
    /// <see cref="ImportLimits.MaxGeoJsonBytes"/>, it is refused before a byte is parsed.</summary>
    public static List<SiteRecord> Read(string path, ImportLimits limits, List<RowError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(limits);
        if (new FileInfo(path).Length is var size && size > limits.MaxGeoJsonBytes)
        {
            throw new InputLimitException(1, null, nameof(ImportLimits.MaxGeoJsonBytes),
                $"the GeoJSON file has {size:N0} bytes, more than {limits.MaxGeoJsonBytes:N0} (GeoJSON is read whole)");
        }
        var sites = new List<SiteRecord>();
        var options = new JsonSerializerOptions { Converters = { new GeoJsonConverterFactory(SiteValues.Factory) } };
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
            if (Site(feature, n, errors) is { } site)
            {
                sites.Add(site);
            }
        }
        return sites;
    }

    private static SiteRecord? Site(IFeature feature, int n, List<RowError> errors)
    {
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
        var cc = SiteValues.Country(n, "properties.country", Prop("country", "country_code"), errors);
        var (point, area) = feature.Geometry switch
        {
            Point p => (p, (Geometry?)null),
            Polygon or MultiPolygon => (feature.Geometry.InteriorPoint, feature.Geometry),
            _ => (null, null),
        };
        if (point is null)
        {
            errors.Add(new RowError(n, "geometry", feature.Geometry?.GeometryType ?? "null", $"feature {n}: geometry must be a Point, Polygon or MultiPolygon"));
        }
        else if (Math.Abs(point.Y) > 90 || Math.Abs(point.X) > 180)
        {
            errors.Add(new RowError(n, "geometry", point.AsText(), $"feature {n}: coordinates out of range (GeoJSON is [longitude, latitude])"));
        }
        if (errors.Count > before)
        {
            return null;
        }
        if (area is not null)
        {
            area.SRID = 4326;
        }
        return new SiteRecord(n, code!, Prop("name_en", "name") ?? code!, cc!, SiteValues.Factory.CreatePoint(point!.Coordinate), area,
            SiteValues.Languages.ToDictionary(l => l, l => Prop($"name_{l}")));
    }
}
