using System.CommandLine;
using Neaspec.Survey.Report;
using Neaspec.Survey.Report.Trends;
using Neaspec.Survey.Trends;

namespace Neaspec.Survey.Cli.Commands;

/// <summary>What a trend from the database is about, the same for <c>neaspec trend --species</c> and
/// <c>neaspec report trend</c>: --species, --window, --years, --country, --population, --staging, --lang.</summary>
internal sealed class TrendDatabaseOptions
{
    public TrendDatabaseOptions(bool required)
    {
        Species = new Option<string?>("--species")
        {
            Description = "Species: scientific name, synonym or common name in any catalogue language (database mode).",
            Required = required,
        };
        Window = new Option<string?>("--window")
        {
            Description = "Yearly window MM-DD..MM-DD (12-01..02-28 runs across the new year and belongs to the year it ends in), or a season name (winter, spring, ...).",
            Required = required,
        };
        Years = new Option<string?>("--years") { Description = "First and last year, e.g. 2001-2025.", Required = required };
    }

    public Option<string?> Species { get; }

    public Option<string?> Window { get; }

    public Option<string?> Years { get; }

    private readonly Option<string[]> countries = new("--country")
    {
        Description = "Only sites in these countries (ISO 3166-1 alpha-2); several allowed.",
        AllowMultipleArgumentsPerToken = true,
    };

    private readonly Option<string?> population = new("--population")
    {
        Description = "The flyway population whose 1 % threshold flags the sites (default every population of the species in the table).",
    };

    private readonly Option<bool> staging = new("--staging")
    {
        Description = "The window is a passage season: apply the EAAF Partnership's 0.25 % staging criterion (default for the spring and autumn seasons).",
    };

    private readonly Option<string> language = new("--lang")
    {
        Description = "Language of site and species names (English where a name is missing).",
        DefaultValueFactory = _ => "en",
    };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        language.AcceptOnlyFromAmong([.. ReportRequest.Languages]);
        foreach (var option in new Option[] { Species, Window, Years, countries, population, staging, language })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The request, or null with the problems (a missing option, years that are not years).</summary>
    public TrendRequest? Read(ParseResult parseResult, TrendOptions trend, bool? byCountry, List<string> problems)
    {
        var species = parseResult.GetValue(Species);
        var window = parseResult.GetValue(Window);
        var years = parseResult.GetValue(Years);
        foreach (var (name, value) in new[] { ("--species", species), ("--window", window), ("--years", years) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                problems.Add($"{name} is required with --species (database mode)");
            }
        }
        if (problems.Count > 0)
        {
            return null;
        }
        if (!TrendRequest.TryParseYears(years, out var first, out var last, out var yearsError))
        {
            problems.Add($"--years: {yearsError}");
            return null;
        }
        return new TrendRequest
        {
            Species = species!,
            Window = window!,
            FirstYear = first,
            LastYear = last,
            Countries = parseResult.GetValue(countries) ?? [],
            Trend = trend,
            ByCountry = byCountry,
            Population = parseResult.GetValue(population),
            Staging = parseResult.GetValue(staging) ? true : null,
            Language = parseResult.GetValue(language)!,
        };
    }
}
