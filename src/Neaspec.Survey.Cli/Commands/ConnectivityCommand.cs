using System.CommandLine;
using System.Globalization;
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
        var command = new Command("connectivity",
            "Connectivity of a site network: PC, EC, IIC, dPC fractions, dIIC, BC(PC) and country pairs.");
        var options = new ConnectivityOptionSet();
        options.AddTo(command);
        // From the database: the report's link choice and thresholds; --area-total is the file mode's option, shared.
        var analysis = new AnalysisOptions(withAreaTotal: false);
        analysis.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, options, analysis, cancellationToken));
        return command;
    }

    /// <summary>Checks which mode the options ask for (files or database) and runs it.</summary>
    private static Task<int> RunAsync(ParseResult parseResult, ConnectivityOptionSet options, AnalysisOptions analysis,
        CancellationToken cancellationToken)
    {
        if (!options.TryReadDistances(parseResult, out var distanceList, out var distanceError))
        {
            Console.Error.WriteLine($"--distance-km: {distanceError}");
            return Task.FromResult(1);
        }
        var speciesName = options.Species(parseResult);
        if ((speciesName is null) == !options.HasNodes(parseResult))
        {
            Console.Error.WriteLine("connectivity: give either --nodes FILE (file mode) or --species with --season and --year (from the database)");
            return Task.FromResult(1);
        }
        if (speciesName is not null)
        {
            if (options.Request(parseResult, speciesName, distanceList) is not { } given)
            {
                Console.Error.WriteLine("connectivity: --species needs --season and --year");
                return Task.FromResult(1);
            }
            var problems = new List<string>();
            var request = analysis.Apply(parseResult, given, problems);
            if (problems.Count > 0)
            {
                problems.ForEach(Cli.Error);
                return Task.FromResult(1);
            }
            return FromDatabaseAsync(parseResult, request, options.OutDirectory(parseResult), cancellationToken);
        }
        if (analysis.Given(parseResult) is { Count: > 0 } fromDatabaseOnly)
        {
            Console.Error.WriteLine($"connectivity: {string.Join(", ", fromDatabaseOnly)}: only with --species (from the database); with --nodes the links come from --edges or distance decay");
            return Task.FromResult(1);
        }
        return Task.FromResult(FromFiles(options.FileOptions(parseResult, distanceList)));
    }

    /// <summary>The file mode: runs <see cref="ConnectivityFiles"/> and prints one line per run.</summary>
    private static int FromFiles(ConnectivityFileOptions options)
    {
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

    /// <summary>The database mode: the report's inputs and data files, without the HTML page.</summary>
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
