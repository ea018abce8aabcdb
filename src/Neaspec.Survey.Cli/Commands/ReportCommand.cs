using System.CommandLine;
using System.Globalization;
using Neaspec.Survey.Report;
using Neaspec.Survey.Report.Migratory;

namespace Neaspec.Survey.Cli.Commands;

/// <summary>
/// neaspec report connectivity --species NAME --season S --year Y [--distance-km 50,100,250,500]
/// [--weight peak-count|individuals|uniform] [--lang en|ko|zh|ja|ru|mn] [the links and thresholds of
/// <see cref="AnalysisOptions"/>] --out DIR: report.html, sites.geojson, links.geojson, nodes.csv, country_pairs.csv,
/// summary.csv, inputs.json (and the sensitivity tables), and the PostGIS tables for QGIS.
/// </summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var command = new Command("report", "Reports for analysts.");
        command.Subcommands.Add(Connectivity());
        command.Subcommands.Add(ReportTrendCommand.Create());
        return command;
    }

    private static Command Connectivity()
    {
        var command = new Command("connectivity",
            "Connectivity report of one species in one season: HTML with map and plots, GeoJSON, CSV, and the PostGIS tables report_site_connectivity and report_links.");
        var options = new ReportOptionSet();
        options.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => Cli.RunAsync(() =>
        {
            var problems = new List<string>();
            if (options.Request(parseResult, problems) is not { } request)
            {
                problems.ForEach(Cli.Error);
                return Task.FromResult(1);
            }
            return RunAsync(parseResult, request, options.OutDirectory(parseResult), cancellationToken);
        }));
        return command;
    }

    /// <summary>Loads the inputs, computes the report, writes its files and tables, and prints what it found.</summary>
    private static async Task<int> RunAsync(ParseResult parseResult, ReportRequest request, string outDirectory,
        CancellationToken cancellationToken)
    {
        await using var database = Cli.OpenDatabase(parseResult);
        var loaded = await ConnectivityInputs.LoadAsync(database, request, cancellationToken);
        if (loaded.Inputs is null)
        {
            foreach (var problem in loaded.Problems)
            {
                Cli.Error(problem);
            }
            return 1;
        }
        MigrationInputs? migration = null;
        if (request.Birds.Migratory is not null)
        {
            var mc = await MigrationInputs.LoadAsync(database, request, cancellationToken);
            if (mc.Inputs is null)
            {
                mc.Problems.ToList().ForEach(Cli.Error);
                return 1;
            }
            migration = mc.Inputs;
        }
        var report = ConnectivityReport.Compute(loaded.Inputs, migration, cancellationToken: cancellationToken);
        await ReportFiles.WriteAsync(report, outDirectory, cancellationToken);
        await HtmlReport.WriteAsync(report, outDirectory, cancellationToken);
        await ReportViews.RefreshAsync(database, report, cancellationToken);

        var inputs = loaded.Inputs;
        Console.WriteLine($"{inputs.Species}, {inputs.Window}: {inputs.Nodes.Count} sites, {inputs.Counts.Count} counts");
        AnalysisOptions.Print(report);
        PrintRuns(report);
        if (report.Migratory is { } migratory)
        {
            WriteMigratory(migratory, outDirectory);
        }
        var sensitivityFiles = report.Sensitivity is null ? "" : ", sensitivity.csv, sensitivity_settings.csv";
        Console.WriteLine($"-> {Path.Combine(outDirectory, "report.html")} (+ sites.geojson, links.geojson, nodes.csv, country_pairs.csv, summary.csv, inputs.json{sensitivityFiles}); tables {ReportViews.SitesTable}, {ReportViews.LinksTable} refreshed");
        return 0;
    }

    /// <summary>One line per run, with its bootstrap interval and reachability variant where computed.</summary>
    private static void PrintRuns(ConnectivityReport report)
    {
        foreach (var run in report.Runs)
        {
            var r = run.Result;
            var transboundary = r.CountryPairs is { } cp ? $", {cp.TransboundaryShare:P1} across borders" : "";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {run.Label}: PC {r.PC:G4}, EC {r.EC:F1}, IIC {r.IIC:G4}{transboundary}"));
            if (run.Bootstrap is { } b)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"    {b.Level:P0} intervals over {b.Birds} birds, {b.Replicates} replicates, seed {b.Seed}: PC {b.PC.Low:G4} to {b.PC.High:G4}, EC {b.EC.Low:F1} to {b.EC.High:F1}"));
            }
            if (run.Reachability is { } reach)
            {
                Console.WriteLine(reach.WhyNot is null
                    ? string.Create(CultureInfo.InvariantCulture, $"    with reachability at any later stay: PC {reach.PC:G4}, EC {reach.EC:F1}")
                    : $"    reachability not computed: {reach.WhyNot}");
            }
        }
    }

    /// <summary>Writes the MC section's files under mc/ and prints its estimate (or why there is none).</summary>
    private static void WriteMigratory(MigratoryAnalysis migratory, string outDirectory)
    {
        MigratoryFiles.Write(migratory, Path.Combine(outDirectory, "mc"));
        var e = migratory.Estimate;
        var interval = e?.MCInterval is { } ci
            ? string.Create(CultureInfo.InvariantCulture, $" ({ci.Level:P0} interval {ci.Low:0.####} to {ci.High:0.####})")
            : "";
        Console.WriteLine(e is null ? $"  MC not computed: {migratory.WhyNot} (mc/birds.csv lists the birds)"
            : string.Create(CultureInfo.InvariantCulture,
                $"  MC {migratory.Inputs.OriginWindow.Season.Name} -> {migratory.Inputs.TargetWindow.Season.Name}: {e.Point.MC:0.####}{interval}, {migratory.Inputs.Birds.Count(b => b.Used)} of {migratory.Inputs.Birds.Count} birds -> {Path.Combine(outDirectory, "mc")}"));
    }
}
