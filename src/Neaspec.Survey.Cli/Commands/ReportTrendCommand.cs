using System.CommandLine;
using Neaspec.Survey.Report.Trends;

namespace Neaspec.Survey.Cli.Commands;

/// <summary>
/// neaspec report trend --species S --window MM-DD..MM-DD --years Y-Y [--country CC...] --model 1|2|3 [TRIM options]
/// [--covariate country|none] [--population P] [--staging] [--lang L] --out DIR: report.html (index and band, heat map
/// of counted and imputed site-years, slope, per-country curves, 1 % table) with years.csv, sites.csv, site_years.csv,
/// summary.json (and strata.csv) beside it. Exit 0 written, 1 refused (nothing written), 2 failure.
/// </summary>
internal static class ReportTrendCommand
{
    public static Command Create()
    {
        var models = new TrendModelOptions();
        var database = new TrendDatabaseOptions(required: true);
        var covariate = new Option<string?>("--covariate")
        {
            Description = "country (default when the sites lie in two countries or more: per-country curves) or none.",
        };
        var output = new Option<string>("--out") { Description = "Output folder (created when missing).", Required = true };
        var command = new Command("trend",
            "Population trend report of one species in a yearly window: HTML with the index, the site-year heat map, the slope, per-country curves and the 1 % table; CSV and JSON.");
        database.AddTo(command);
        models.AddTo(command);
        command.Options.Add(covariate);
        command.Options.Add(output);
        command.SetAction((parseResult, cancellationToken) => Cli.RunAsync(async () =>
        {
            if (models.Read(parseResult, out var problem) is not { } trend)
            {
                return TrendCommand.Refuse([problem!]);
            }
            var problems = new List<string>();
            var byCountry = TrendCommand.ByCountry(parseResult.GetValue(covariate), defaultValue: null, problems);
            var request = database.Read(parseResult, trend, byCountry, problems);
            if (request is null)
            {
                return TrendCommand.Refuse(problems);
            }
            await using var db = Cli.OpenDatabase(parseResult);
            var report = await TrendCommand.ComputeAsync(db, request, cancellationToken);
            if (report is null)
            {
                return 1;
            }
            var outDirectory = parseResult.GetValue(output)!;
            TrendCommand.Print(report.Result);
            TrendCommand.PrintDatabaseMode(report);
            TrendReportFiles.Write(report, outDirectory);
            var html = await TrendHtmlReport.WriteAsync(report, outDirectory, cancellationToken);
            Console.WriteLine($"-> {html} (+ years.csv, sites.csv, site_years.csv, summary.json{(report.Result.Strata.Count > 0 ? ", strata.csv" : "")})");
            return 0;
        }));
        return command;
    }
}
