using System.CommandLine;
using System.Globalization;
using Neaspec.Survey.Connectivity;
using Neaspec.Survey.Files.Connectivity;

namespace Neaspec.Survey.Cli.Commands;

/// <summary>
/// neaspec connectivity --nodes NODES.csv [--edges EDGES.csv] [--distance-km D[,D...]] [--probability P]
/// [--min-probability P] [--area-total A] [--directed] --out DIR. The work is <see cref="ConnectivityFiles"/>;
/// this only maps options and prints. From the database instead of files:
/// neaspec connectivity --species S --season SEASON --year Y [--distance-km ...] [the links and thresholds of
/// <see cref="AnalysisOptions"/>] --out DIR — the report's inputs (sites, the season's peak counts, links from tracks
/// and/or distance decay) and its data files (nodes.csv, summary.csv, country_pairs.csv, sites.geojson,
/// links.geojson, inputs.json), without the HTML page.
/// </summary>
internal static class ConnectivityCommand
{
    public static Command Create()
    {
        var nodes = new Option<string>("--nodes")
        {
            Description = "Sites CSV: id,lon,lat,attribute[,country] (WGS84 degrees; attribute = node weight a_i).",
        };
        var species = new Option<string?>("--species")
        {
            Description = "From the database instead of --nodes: the species (any catalogue name).",
        };
        var season = new Option<string?>("--season") { Description = "With --species: spring, breeding, autumn or winter." };
        season.AcceptOnlyFromAmong([.. Season.Defaults.Select(x => x.Name)]);
        var year = new Option<int?>("--year") { Description = "With --species: the season's year (winter 2025 = Dec 2024 - Feb 2025)." };
        var edges = new Option<string?>("--edges")
        {
            Description = "Links CSV: from,to,p. Without it, links come from distance decay over the coordinates.",
        };
        var distances = new Option<string?>("--distance-km")
        {
            Description = "Median dispersal distance d0 in km, or several (50,100,250,500): one analysis each.",
        };
        var probability = new Option<double>("--probability")
        {
            Description = "p0, the link probability at d0 (default 0.5).",
            DefaultValueFactory = _ => 0.5,
        };
        var minimum = new Option<double>("--min-probability")
        {
            Description = "Prune distance-decay links with p below this (default 0: none; see docs/connectivity.md).",
            DefaultValueFactory = _ => 0,
        };
        var area = new Option<double?>("--area-total")
        {
            Description = "A_L, the total attribute of the study area for PC and IIC (default: sum of attributes).",
        };
        var directed = new Option<bool>("--directed")
        {
            Description = "Edges are directed: a row from,to,p is the link from -> to only.",
        };
        var output = new Option<string>("--out")
        {
            Description = "Output folder for nodes.csv and summary.json (one sub-folder per distance when several).",
            Required = true,
        };

        var command = new Command("connectivity",
            "Connectivity of a site network: PC, EC, IIC, dPC fractions, dIIC, BC(PC) and country pairs.");
        foreach (var option in new Option[] { nodes, species, season, year, edges, distances, probability, minimum, area, directed, output })
        {
            command.Options.Add(option);
        }
        // From the database: the report's link choice and thresholds; --area-total is the file mode's option, shared.
        var analysis = new AnalysisOptions(withAreaTotal: false);
        analysis.AddTo(command);

        command.SetAction((parseResult, cancellationToken) =>
        {
            IReadOnlyList<double> distanceList = [];
            if (parseResult.GetValue(distances) is { } text
                && !ConnectivityFiles.TryParseDistances(text, out distanceList, out var distanceError))
            {
                Console.Error.WriteLine($"--distance-km: {distanceError}");
                return Task.FromResult(1);
            }
            var speciesName = parseResult.GetValue(species);
            if ((speciesName is null) == (parseResult.GetValue(nodes) is null))
            {
                Console.Error.WriteLine("connectivity: give either --nodes FILE (file mode) or --species with --season and --year (from the database)");
                return Task.FromResult(1);
            }
            if (speciesName is not null)
            {
                if (parseResult.GetValue(season) is not { } seasonName || parseResult.GetValue(year) is not { } seasonYear)
                {
                    Console.Error.WriteLine("connectivity: --species needs --season and --year");
                    return Task.FromResult(1);
                }
                var problems = new List<string>();
                var request = analysis.Apply(parseResult, new Report.ReportRequest
                {
                    Species = speciesName,
                    Season = seasonName,
                    Year = seasonYear,
                    DistancesKm = distanceList.Count > 0 ? distanceList : [50, 100, 250, 500],
                    AreaTotal = parseResult.GetValue(area),
                }, problems);
                if (problems.Count > 0)
                {
                    problems.ForEach(Cli.Error);
                    return Task.FromResult(1);
                }
                return FromDatabaseAsync(parseResult, request, parseResult.GetValue(output)!, cancellationToken);
            }
            if (analysis.Given(parseResult) is { Count: > 0 } fromDatabaseOnly)
            {
                Console.Error.WriteLine($"connectivity: {string.Join(", ", fromDatabaseOnly)}: only with --species (from the database); with --nodes the links come from --edges or distance decay");
                return Task.FromResult(1);
            }
            return Task.FromResult(FromFiles(parseResult, distanceList));
        });
        return command;

        int FromFiles(ParseResult parseResult, IReadOnlyList<double> distanceList)
        {
            var options = new ConnectivityFileOptions
            {
                NodesPath = parseResult.GetValue(nodes)!,
                EdgesPath = parseResult.GetValue(edges),
                DistancesKm = distanceList,
                Probability = parseResult.GetValue(probability),
                MinimumProbability = parseResult.GetValue(minimum),
                AreaTotal = parseResult.GetValue(area),
                Directed = parseResult.GetValue(directed),
                OutDirectory = parseResult.GetValue(output)!,
            };
            ConnectivityFileReport report;
            try
            {
                report = ConnectivityFiles.Run(options);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A file that vanished or a folder we may not write: the user can fix that, no stack trace.
                Console.Error.WriteLine($"connectivity: {e.Message}");
                return 1;
            }
            if (!report.Succeeded)
            {
                foreach (var error in report.Errors)
                {
                    Console.Error.WriteLine(error);
                }
                Console.Error.WriteLine($"connectivity: {report.Errors.Count} problem(s); nothing written.");
                return 1;
            }
            foreach (var run in report.Runs)
            {
                var r = run.Result;
                var label = run.DistanceKm is { } d ? $"d0 = {d.ToString(CultureInfo.InvariantCulture)} km" : "edges";
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{label}: PC {r.PC:G6}, EC {r.EC:G6}, IIC {r.IIC:G6}, {r.Nodes} sites, {r.Links} links, {r.Components} components -> {run.Directory}"));
            }
            return 0;
        }
    }

    private static Task<int> FromDatabaseAsync(ParseResult parseResult, Report.ReportRequest request, string outDirectory,
        CancellationToken cancellationToken) => Cli.RunAsync(async () =>
    {
        await using var database = Cli.OpenDatabase(parseResult);
        var loaded = await Report.ConnectivityInputs.LoadAsync(database, request, cancellationToken);
        if (loaded.Inputs is null)
        {
            foreach (var problem in loaded.Problems)
            {
                Cli.Error(problem);
            }
            return 1;
        }
        var report = Report.ConnectivityReport.Compute(loaded.Inputs);
        await Report.ReportFiles.WriteAsync(report, outDirectory, cancellationToken);
        Console.WriteLine($"{loaded.Inputs.Species}, {loaded.Inputs.Window}: {loaded.Inputs.Nodes.Count} sites");
        AnalysisOptions.Print(report);
        foreach (var run in report.Runs)
        {
            var r = run.Result;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {run.Label}: PC {r.PC:G6}, EC {r.EC:G6}, IIC {r.IIC:G6}, {r.Nodes} sites, {r.Links} links, {r.Components} components"));
        }
        Console.WriteLine($"-> {outDirectory} (nodes.csv, summary.csv, country_pairs.csv, sites.geojson, links.geojson, inputs.json{(report.Sensitivity is null ? "" : ", sensitivity.csv, sensitivity_settings.csv")})");
        return 0;
    });
}
