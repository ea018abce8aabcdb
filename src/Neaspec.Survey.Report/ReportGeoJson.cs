using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Neaspec.Survey.Report;

/// <summary>The report's GeoJSON layers for QGIS, one feature per site (or drawn link) and run, so a layer is
/// filtered by distance_km: sites.geojson (points, the columns of nodes.csv) and links.geojson (lines).</summary>
internal static class ReportGeoJson
{
    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);

    /// <summary>One point feature per site and run with the same properties as nodes.csv.</summary>
    public static FeatureCollection Sites(ConnectivityReport report)
    {
        var i = report.Inputs;
        var collection = new FeatureCollection();
        foreach (var run in report.Runs)
        {
            foreach (var (rank, node, v, site) in report.Ranking(run))
            {
                collection.Add(new Feature(Wgs84.CreatePoint(new Coordinate(node.Longitude, node.Latitude)), new AttributesTable
                {
                    { "species", i.Species }, { "season", i.Window.Season.Name }, { "year", i.Window.Year },
                    { "distance_km", run.DistanceKm }, { "site_code", node.Id }, { "site_name", site.Name(i.Request.Language) },
                    { "country", site.Country }, { "weight", node.Weight }, { "rank", rank }, { "dPC", v.DPC },
                    { "dPCintra", v.DPCintra }, { "dPCflux", v.DPCflux }, { "dPCconnector", v.DPCconnector },
                    { "dIIC", v.DIIC }, { "BC", v.BC },
                }));
            }
        }
        return collection;
    }

    /// <summary>One line feature per drawn link and run: from, to, length_km, p, flux = a_i a_j p_ij.</summary>
    public static FeatureCollection Links(ConnectivityReport report)
    {
        var i = report.Inputs;
        var collection = new FeatureCollection();
        foreach (var run in report.Runs)
        {
            var nodes = run.Network.Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
            foreach (var link in run.Links)
            {
                var a = nodes[link.From];
                var b = nodes[link.To];
                var line = Wgs84.CreateLineString([new Coordinate(a.Longitude, a.Latitude), new Coordinate(b.Longitude, b.Latitude)]);
                collection.Add(new Feature(line, new AttributesTable
                {
                    { "species", i.Species }, { "season", i.Window.Season.Name }, { "year", i.Window.Year },
                    { "distance_km", run.DistanceKm }, { "source", report.LinkSource }, { "directed", run.Network.IsDirected },
                    { "from_site", link.From }, { "to_site", link.To }, { "length_km", link.LengthKm },
                    { "p", link.Probability }, { "flux", link.Flux }, { "individuals", link.Individuals },
                }));
            }
        }
        return collection;
    }

    /// <summary>The collection as one line of GeoJSON and a line break.</summary>
    public static string Json(FeatureCollection collection)
    {
        var options = new JsonSerializerOptions { WriteIndented = false };
        options.Converters.Add(new GeoJsonConverterFactory());
        return JsonSerializer.Serialize(collection, options) + "\n";
    }
}
