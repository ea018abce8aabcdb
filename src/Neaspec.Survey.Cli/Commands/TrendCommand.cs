using System.CommandLine;
using System.Globalization;
using Neaspec.Survey.Files.Trends;
using Neaspec.Survey.Report.Trends;
using Neaspec.Survey.Trends;

namespace Neaspec.Survey.Cli.Commands;

/// <summary>
/// neaspec trend --counts FILE.csv (file mode) or --species S --window MM-DD..MM-DD --years Y-Y [--country CC...]
/// (database mode), with TRIM's options --model 1|2|3 [--changepoints Y,Y...] [--overdispersion]
/// [--serial-correlation] [--covariate COLUMN|country] [--base-year Y] --out DIR. The work is <see cref="TrendFiles"/>
/// and <see cref="TrendInputs"/> / <see cref="TrendReport"/>; this only maps options and prints. Exit 0 when written,
/// 1 when the counts or options are refused (nothing written), 2 on a failure.
/// </summary>
internal static class TrendCommand
{
    public static Command Create()
    {
        var counts = new Option<string?>("--counts")
        {
            Description = "Counts CSV: site,year,count (blank count = not counted, 0 = a real zero); other columns can be covariates (file mode).",
        };
        var models = new TrendModelOptions();
        var database = new TrendDatabaseOptions(required: false);
        var covariate = new Option<string?>("--covariate")
        {
            Description = "File mode: a column of the counts file whose values are strata (e.g. country). Database mode: country. Own time effects per stratum, totals pooled over them.",
        };
        var output = new Option<string>("--out")
        {
            Description = "Output folder for years.csv, summary.json (strata.csv with --covariate; sites.csv and site_years.csv in database mode).",
            Required = true,
        };
        var command = new Command("trend",
            "Population trend from counts with missing site-years (TRIM): imputed totals, indices, overall slope and its class; from a counts file or from the database.");
        command.Options.Add(counts);
        models.AddTo(command);
        command.Options.Add(covariate);
        database.AddTo(command);
        command.Options.Add(output);
        command.SetAction((parseResult, cancellationToken) => Cli.RunAsync(async () =>
        {
            var path = parseResult.GetValue(counts);
            var species = parseResult.GetValue(database.Species);
            if ((path is null) == (species is null))
            {
                Cli.Error("trend: give either --counts FILE.csv (file mode) or --species with --window and --years (database mode)");
                return 1;
            }
            if (models.Read(parseResult, out var problem) is not { } trend)
            {
                Cli.Error($"trend: {problem}");
                return 1;
            }
            var outDirectory = parseResult.GetValue(output)!;
            if (path is not null)
            {
                return PrintFileMode(TrendFiles.Run(new TrendFileOptions
                {
                    CountsPath = path, Covariate = parseResult.GetValue(covariate), OutDirectory = outDirectory, Trend = trend,
                }));
            }
            var problems = new List<string>();
            var byCountry = ByCountry(parseResult.GetValue(covariate), defaultValue: false, problems);
            var request = database.Read(parseResult, trend, byCountry, problems);
            if (request is null)
            {
                return Refuse(problems);
            }
            await using var db = Cli.OpenDatabase(parseResult);
            var report = await ComputeAsync(db, request, cancellationToken);
            if (report is null)
            {
                return 1;
            }
            Print(report.Result);
            PrintDatabaseMode(report);
            Console.WriteLine($"-> {string.Join(", ", TrendReportFiles.Write(report, outDirectory))}");
            return 0;
        }));
        return command;
    }

    /// <summary>Loads the inputs and fits the trend; prints the problems (and returns null) when refused.</summary>
    internal static async Task<TrendReport?> ComputeAsync(Storage.SurveyDatabase database, TrendRequest request, CancellationToken cancellationToken)
    {
        var loaded = await TrendInputs.LoadAsync(database, request, cancellationToken);
        if (loaded.Inputs is null)
        {
            Refuse(loaded.Problems);
            return null;
        }
        var outcome = TrendReport.Compute(loaded.Inputs);
        if (outcome.Report is null)
        {
            Refuse(outcome.Problems);
        }
        return outcome.Report;
    }

    /// <summary>--covariate in database mode: "country" (true), "none" (false), absent (<paramref name="defaultValue"/>).</summary>
    internal static bool? ByCountry(string? covariate, bool? defaultValue, List<string> problems)
    {
        switch (covariate?.Trim().ToLowerInvariant())
        {
            case null:
                return defaultValue;
            case TrendInputs.CountryCovariate:
                return true;
            case "none":
                return false;
            default:
                problems.Add($"--covariate: '{covariate}' is not a covariate of the database; use country (or none)");
                return null;
        }
    }

    /// <summary>Prints the database mode's own lines: the window, the sites, the provisional ones, the flags.</summary>
    internal static void PrintDatabaseMode(TrendReport report)
    {
        var inputs = report.Inputs;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{inputs.Species}, window {inputs.WindowText}, {inputs.Request.FirstYear}-{inputs.Request.LastYear}: {inputs.Sites.Count} sites{(inputs.ByCountry ? ", strata by country" : "")}"));
        var provisional = inputs.Sites.Values.Where(s => s.IsProvisional).Select(s => s.Code).Order(StringComparer.Ordinal).ToList();
        if (provisional.Count > 0)
        {
            Console.WriteLine($"provisional sites included (marked in sites.csv): {Some(provisional)}");
        }
        foreach (var block in report.Flags)
        {
            var regular = block.Sites.Where(s => s.OnePercent == Neaspec.Survey.Trends.Thresholds.Regularity.Regularly).Select(s => s.Site).ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"1 % of {block.Threshold.Population} = {block.Threshold.OnePercent}: regularly met at {(regular.Count > 0 ? Some(regular) : "no site")}"));
        }
    }

    /// <summary>The first ten codes and how many more: a flyway has thousands of sites, the files list them all.</summary>
    private static string Some(IReadOnlyList<string> codes) =>
        string.Join(", ", codes.Take(10)) + (codes.Count > 10 ? $" and {codes.Count - 10} more" : "");

    internal static int Refuse(IEnumerable<string> problems)
    {
        foreach (var problem in problems)
        {
            Cli.Error(problem);
        }
        Cli.Error("nothing written.");
        return 1;
    }

    private static int PrintFileMode(TrendFileReport report)
    {
        if (report.Result is not { } r)
        {
            foreach (var error in report.Errors)
            {
                Console.Error.WriteLine(error);
            }
            Cli.Error($"trend: {report.Errors.Count} problem(s); nothing written.");
            return 1;
        }
        Print(r);
        Console.WriteLine($"-> {string.Join(", ", report.Written)}");
        return 0;
    }

    /// <summary>What every trend prints: removed sites, the fit, convergence, the imputed slope and its class.</summary>
    internal static void Print(TrendResult r)
    {
        var invariant = CultureInfo.InvariantCulture;
        if (r.RemovedSites.Count > 0)
        {
            Console.WriteLine($"removed {r.RemovedSites.Count} site(s) without a positive count: {Some(r.RemovedSites)}");
        }
        var dispersion = r.Overdispersion is { } s2 ? string.Create(invariant, $", overdispersion {s2:F3}") : "";
        var correlation = r.SerialCorrelation is { } rho ? string.Create(invariant, $", serial correlation {rho:F3}") : "";
        Console.WriteLine(string.Create(invariant,
            $"model {(int)r.Options.Model}: {r.Sites.Count} sites, {r.Years[0]}-{r.Years[^1]}, {r.ObservedCounts} counts, {r.MissingCounts} imputed{dispersion}{correlation}"));
        if (!r.Converged)
        {
            Cli.Error($"trend: the estimation did not converge in {r.Iterations} iterations; treat the numbers with care");
        }
        if (r.ImputedSlope is { } slope)
        {
            Console.WriteLine(string.Create(invariant,
                $"overall slope (imputed): {slope.Multiplicative:F4} ± {slope.MultiplicativeSe:F4} a year, {slope.Class.ToText()}{(slope.Significance is { } p ? $" ({p})" : "")}"));
        }
    }
}
