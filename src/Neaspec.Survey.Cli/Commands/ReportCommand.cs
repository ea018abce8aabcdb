using System.CommandLine;
using System.Globalization;
using Neaspec.Survey.Connectivity;
using Neaspec.Survey.Files.Connectivity;
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
        var species = new Option<string>("--species")
        {
            Description = "Species: scientific name, synonym or common name in any catalogue language.",
            Required = true,
        };
        var season = new Option<string>("--season")
        {
            Description = "spring (1 Mar-31 May), breeding (1 Jun-15 Aug), autumn (16 Aug-30 Nov) or winter (1 Dec of the year before - end of Feb).",
            Required = true,
        };
        season.AcceptOnlyFromAmong([.. Season.Defaults.Select(s => s.Name)]);
        var year = new Option<int>("--year")
        {
            Description = "Year; winter 2025 = 1 Dec 2024 - 28 Feb 2025.",
            Required = true,
        };
        var distances = new Option<string>("--distance-km")
        {
            Description = "Median dispersal distances d0 in km for distance-decay links, one analysis each (default 50,100,250,500).",
            DefaultValueFactory = _ => "50,100,250,500",
        };
        var weight = new Option<string>("--weight")
        {
            Description = "Node weight: peak-count (default), individuals (tracked birds; needs telemetry) or uniform.",
            DefaultValueFactory = _ => "peak-count",
        };
        weight.AcceptOnlyFromAmong("peak-count", "individuals", "uniform");
        var language = new Option<string>("--lang")
        {
            Description = "Language of site and species names (English where a name is missing).",
            DefaultValueFactory = _ => "en",
        };
        language.AcceptOnlyFromAmong([.. ReportRequest.Languages]);
        var output = new Option<string>("--out")
        {
            Description = "Output folder (created when missing).",
            Required = true,
        };

        var command = new Command("connectivity",
            "Connectivity report of one species in one season: HTML with map and plots, GeoJSON, CSV, and the PostGIS tables report_site_connectivity and report_links.");
        foreach (var option in new Option[] { species, season, year, distances, weight, language, output })
        {
            command.Options.Add(option);
        }
        var analysis = new AnalysisOptions();
        analysis.AddTo(command);
        var birdOptions = new ReportBirdOptionSet();
        birdOptions.AddTo(command);

        command.SetAction((parseResult, cancellationToken) => Cli.RunAsync(async () =>
        {
            if (!ConnectivityFiles.TryParseDistances(parseResult.GetValue(distances)!, out var distanceList, out var distanceError))
            {
                Cli.Error($"--distance-km: {distanceError}");
                return 1;
            }
            var birdProblems = new List<string>();
            if (birdOptions.Read(parseResult, birdProblems) is not { } birds)
            {
                birdProblems.ForEach(Cli.Error);
                return 1;
            }
            var request = new ReportRequest
            {
                Species = parseResult.GetValue(species)!,
                Season = parseResult.GetValue(season)!,
                Year = parseResult.GetValue(year),
                DistancesKm = distanceList,
                Weighting = parseResult.GetValue(weight) switch
                {
                    "individuals" => NodeWeighting.TrackedIndividuals,
                    "uniform" => NodeWeighting.Uniform,
                    _ => NodeWeighting.PeakCount,
                },
                Language = parseResult.GetValue(language)!,
                Birds = birds,
            };
            var optionProblems = new List<string>();
            request = analysis.Apply(parseResult, request, optionProblems);
            if (optionProblems.Count > 0)
            {
                optionProblems.ForEach(Cli.Error);
                return 1;
            }
            var outDirectory = parseResult.GetValue(output)!;

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
            if (report.Migratory is { } migratory)
            {
                Report.Migratory.MigratoryFiles.Write(migratory, Path.Combine(outDirectory, "mc"));
                var e = migratory.Estimate;
                var interval = e?.MCInterval is { } ci
                    ? string.Create(CultureInfo.InvariantCulture, $" ({ci.Level:P0} interval {ci.Low:0.####} to {ci.High:0.####})")
                    : "";
                Console.WriteLine(e is null ? $"  MC not computed: {migratory.WhyNot} (mc/birds.csv lists the birds)"
                    : string.Create(CultureInfo.InvariantCulture,
                        $"  MC {migratory.Inputs.OriginWindow.Season.Name} -> {migratory.Inputs.TargetWindow.Season.Name}: {e.Point.MC:0.####}{interval}, {migratory.Inputs.Birds.Count(b => b.Used)} of {migratory.Inputs.Birds.Count} birds -> {Path.Combine(outDirectory, "mc")}"));
            }
            var sensitivityFiles = report.Sensitivity is null ? "" : ", sensitivity.csv, sensitivity_settings.csv";
            Console.WriteLine($"-> {Path.Combine(outDirectory, "report.html")} (+ sites.geojson, links.geojson, nodes.csv, country_pairs.csv, summary.csv, inputs.json{sensitivityFiles}); tables {ReportViews.SitesTable}, {ReportViews.LinksTable} refreshed");
            return 0;
        }));
        return command;
    }
}
