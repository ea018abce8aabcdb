using System.Text;
using System.Text.Json;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Neaspec.Survey.Report;

/// <summary>
/// The report's data files, one row (or feature) per site and run, so R and QGIS filter by distance_km:
/// nodes.csv, sites.geojson, links.geojson, country_pairs.csv and summary.csv. Numbers are written in
/// round-trip precision; dPC and its fractions are percentages, shares are fractions (Conefor's convention).
/// </summary>
public static class ReportFiles
{
    private static readonly GeometryFactory Wgs84 = new(new PrecisionModel(), 4326);
    private static readonly UTF8Encoding Utf8 = new(false);

    /// <summary>Writes the files into <paramref name="directory"/> (created when missing).</summary>
    public static async Task WriteAsync(ConnectivityReport report, string directory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "nodes.csv"), NodesCsv(report), Utf8, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(directory, "country_pairs.csv"), CountryPairsCsv(report), Utf8, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(directory, "summary.csv"), SummaryCsv(report), Utf8, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(directory, "sites.geojson"), Json(SitesFeatures(report)), Utf8, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(directory, "links.geojson"), Json(LinksFeatures(report)), Utf8, cancellationToken);
    }

    /// <summary>nodes.csv: species, season, year, distance_km (empty for telemetry), site, name, country,
    /// coordinates, weight, rank by dPC, dPC, dPCintra, dPCflux, dPCconnector, dIIC, BC.</summary>
    public static string NodesCsv(ConnectivityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder("species,season,year,distance_km,site_code,site_name,country,longitude,latitude,weight,rank,dPC,dPCintra,dPCflux,dPCconnector,dIIC,BC\n");
        var i = report.Inputs;
        foreach (var run in report.Runs)
        {
            foreach (var (rank, node, v, site) in report.Ranking(run))
            {
                sb.AppendJoin(',', Format.Csv(i.Species), i.Window.Season.Name, i.Window.Year, Distance(run), Format.Csv(node.Id),
                    Format.Csv(site.Name(i.Request.Language)), site.Country, Format.Exact(node.Longitude), Format.Exact(node.Latitude),
                    Format.Exact(node.Weight), rank, Format.Exact(v.DPC), Format.Exact(v.DPCintra), Format.Exact(v.DPCflux),
                    Format.Exact(v.DPCconnector), Format.Exact(v.DIIC), Format.Exact(v.BC)).Append('\n');
            }
        }
        return sb.ToString();
    }

    /// <summary>country_pairs.csv: distance_km, from, to, PCnum, share (fraction of the run's PCnum).</summary>
    public static string CountryPairsCsv(ConnectivityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder("species,season,year,distance_km,from_country,to_country,PCnum,share\n");
        var i = report.Inputs;
        foreach (var run in report.Runs)
        {
            foreach (var pair in run.Result.CountryPairs?.Pairs ?? [])
            {
                sb.AppendJoin(',', Format.Csv(i.Species), i.Window.Season.Name, i.Window.Year, Distance(run), pair.From, pair.To,
                    Format.Exact(pair.PCnum), Format.Exact(pair.Share)).Append('\n');
            }
        }
        return sb.ToString();
    }

    /// <summary>summary.csv: the whole-network indices of each run.</summary>
    public static string SummaryCsv(ConnectivityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var sb = new StringBuilder("species,season,year,distance_km,probability,PC,EC,IIC,PCnum,PCintra,PCdirect,PCstep,transboundary_share,nodes,links,components\n");
        var i = report.Inputs;
        foreach (var run in report.Runs)
        {
            var r = run.Result;
            sb.AppendJoin(',', Format.Csv(i.Species), i.Window.Season.Name, i.Window.Year, Distance(run),
                run.DistanceKm is null ? "" : Format.Exact(i.Request.Probability),
                Format.Exact(r.PC), Format.Exact(r.EC), Format.Exact(r.IIC), Format.Exact(r.PCnum), Format.Exact(r.PCintra),
                Format.Exact(r.PCdirect), Format.Exact(r.PCstep),
                r.CountryPairs is { } cp ? Format.Exact(cp.TransboundaryShare) : "", r.Nodes, r.Links, r.Components).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>One point feature per site and run with the same properties as nodes.csv.</summary>
    public static FeatureCollection SitesFeatures(ConnectivityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
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
    public static FeatureCollection LinksFeatures(ConnectivityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
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

    private static string Distance(ReportRun run) => run.DistanceKm is { } d ? Format.Exact(d) : "";

    private static string Json(FeatureCollection collection)
    {
        var options = new JsonSerializerOptions { WriteIndented = false };
        options.Converters.Add(new GeoJsonConverterFactory());
        return JsonSerializer.Serialize(collection, options) + "\n";
    }
}
