using System.CommandLine;
using System.Globalization;
using Neaspec.Survey.Files.Trends;
using Neaspec.Survey.Trends;

namespace Neaspec.Survey.Cli.Commands;

/// <summary>
/// neaspec trend --counts FILE.csv --model 1|2|3 [--changepoints Y,Y...] [--overdispersion]
/// [--serial-correlation] [--covariate COLUMN] [--base-year Y] --out DIR. The work is <see cref="TrendFiles"/>;
/// this only maps options and prints. Exit 0 when written, 1 when the counts or options are refused (nothing
/// written), 2 on a failure.
/// </summary>
internal static class TrendCommand
{
    public static Command Create()
    {
        var counts = new Option<string?>("--counts")
        {
            Description = "Counts CSV: site,year,count (blank count = not counted, 0 = a real zero); other columns can be covariates.",
        };
        var model = new Option<int>("--model")
        {
            Description = "TRIM model: 1 no time effects, 2 linear trend (with --changepoints), 3 an effect for each year.",
            Required = true,
        };
        model.AcceptOnlyFromAmong("1", "2", "3");
        var changepoints = new Option<string?>("--changepoints")
        {
            Description = "Model 2: years after which the slope may change, e.g. 2010,2015 (the first year always is one).",
        };
        var overdispersion = new Option<bool>("--overdispersion") { Description = "Estimate overdispersion (variance = σ² × mean)." };
        var serial = new Option<bool>("--serial-correlation") { Description = "Estimate serial correlation between a site's consecutive years." };
        var covariate = new Option<string?>("--covariate")
        {
            Description = "A column of the counts file whose values are strata (e.g. country): own time effects, totals pooled over them.",
        };
        var baseYear = new Option<int?>("--base-year") { Description = "The year whose index is 1 (default the first year)." };
        var output = new Option<string>("--out")
        {
            Description = "Output folder for years.csv, summary.json (and strata.csv with --covariate).",
            Required = true,
        };
        var command = new Command("trend",
            "Population trend from counts with missing site-years (TRIM): imputed totals, indices, overall slope and its class.");
        foreach (var option in new Option[] { counts, model, changepoints, overdispersion, serial, covariate, baseYear, output })
        {
            command.Options.Add(option);
        }
        command.SetAction((parseResult, cancellationToken) => Cli.RunAsync(() =>
        {
            if (parseResult.GetValue(counts) is not { } path)
            {
                Cli.Error("trend: give --counts FILE.csv (site,year,count)");
                return Task.FromResult(1);
            }
            if (!TryParseYears(parseResult.GetValue(changepoints), out var years, out var problem))
            {
                Cli.Error($"trend: --changepoints: {problem}");
                return Task.FromResult(1);
            }
            var report = TrendFiles.Run(new TrendFileOptions
            {
                CountsPath = path,
                Covariate = parseResult.GetValue(covariate),
                OutDirectory = parseResult.GetValue(output)!,
                Trend = new TrendOptions
                {
                    Model = (TrendModel)parseResult.GetValue(model),
                    Changepoints = years,
                    Overdispersion = parseResult.GetValue(overdispersion),
                    SerialCorrelation = parseResult.GetValue(serial),
                    BaseYear = parseResult.GetValue(baseYear),
                },
            });
            return Task.FromResult(Print(report));
        }));
        return command;
    }

    private static int Print(TrendFileReport report)
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
        var invariant = CultureInfo.InvariantCulture;
        if (r.RemovedSites.Count > 0)
        {
            Console.WriteLine($"removed {r.RemovedSites.Count} site(s) without a positive count: {string.Join(", ", r.RemovedSites)}");
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
        Console.WriteLine($"-> {string.Join(", ", report.Written)}");
        return 0;
    }

    private static bool TryParseYears(string? text, out IReadOnlyList<int> years, out string? problem)
    {
        var list = new List<int>();
        years = list;
        problem = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            {
                problem = $"'{part}' is not a year (give years such as 2010,2015)";
                return false;
            }
            list.Add(year);
        }
        return true;
    }
}
