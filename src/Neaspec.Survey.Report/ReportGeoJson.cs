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
                    // Issue 12: a candidate (unnamed) site, and whether tagged birds stayed at it.
                    { "candidate", site.IsCandidate }, { "tagged_birds", TaggedBirds(i, node.Id) },
                    { "unvisited_by_tagged_birds", Unvisited(i, node.Id) },
                }));
            }
        }
        return collection;
    }

    /// <summary>Tagged birds present at a site in the season; null without telemetry.</summary>
    internal static int? TaggedBirds(ConnectivityInputs inputs, string code) =>
        inputs.TaggedBirds is { } birds ? birds.GetValueOrDefault(code) : null;

    /// <summary>True for a counted site no tagged bird stayed at in the season, false for the others; null without
    /// telemetry.</summary>
    internal static bool? Unvisited(ConnectivityInputs inputs, string code) =>
        inputs.UnvisitedSites is { } unvisited ? unvisited.Contains(code, StringComparer.Ordinal) : null;

    /// <summary>One line feature per drawn link and run: from_site, to_site, length_km, p, flux = a_i a_j p_ij, source
    /// (telemetry or distance decay) and, for telemetry links, individuals (birds that made the move), present (the
    /// birds at from_site with a known next state: p = individuals / present), few_individuals (seen in fewer than 3
    /// birds) and across_gap (birds whose move crossed a gap in the data); those four are null for distance decay.</summary>
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
                    { "distance_km", run.DistanceKm }, { "source", run.Source }, { "directed", run.Network.IsDirected },
                    { "from_site", link.From }, { "to_site", link.To }, { "length_km", link.LengthKm },
                    { "p", link.Probability }, { "flux", link.Flux }, { "individuals", link.Individuals },
                    { "present", link.Present }, { "few_individuals", link.FewIndividuals }, { "across_gap", link.AcrossGap },
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
