using System.CommandLine;
using Neaspec.Survey.Connectivity;
using Neaspec.Survey.Files.Connectivity;
using Neaspec.Survey.Report;

namespace Neaspec.Survey.Cli.Commands;

/// <summary>
/// The options of <c>neaspec report connectivity</c>: its own (--species, --season, --year, --distance-km, --weight,
/// --lang, --out), the links and thresholds of <see cref="AnalysisOptions"/> and the tracked birds' options of
/// <see cref="ReportBirdOptionSet"/>. Maps them onto one <see cref="ReportRequest"/>.
/// </summary>
internal sealed class ReportOptionSet
{
    private readonly Option<string> species = new("--species")
    {
        Description = "Species: scientific name, synonym or common name in any catalogue language.",
        Required = true,
    };

    private readonly Option<string> season = CreateSeason();

    private readonly Option<int> year = new("--year")
    {
        Description = "Year; winter 2025 = 1 Dec 2024 - 28 Feb 2025.",
        Required = true,
    };

    private readonly Option<string> distances = new("--distance-km")
    {
        Description = "Median dispersal distances d0 in km for distance-decay links, one analysis each (default 50,100,250,500).",
        DefaultValueFactory = _ => "50,100,250,500",
    };

    private readonly Option<string> weight = CreateWeight();

    private readonly Option<string> language = CreateLanguage();

    private readonly Option<string> output = new("--out")
    {
        Description = "Output folder (created when missing).",
        Required = true,
    };

    private readonly AnalysisOptions analysis = new();

    private readonly ReportBirdOptionSet birdOptions = new();

    /// <summary>Adds every option to <paramref name="command"/>, in the order the help lists them.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { species, season, year, distances, weight, language, output })
        {
            command.Options.Add(option);
        }
        analysis.AddTo(command);
        birdOptions.AddTo(command);
    }

    /// <summary>The --out folder.</summary>
    public string OutDirectory(ParseResult parseResult) => parseResult.GetValue(output)!;

    /// <summary>
    /// The request the options ask for, or null and the problems. Stops at the first group with a problem (the
    /// distances, then the birds' options, then the links and thresholds), so that a user sees one group at a time.
    /// </summary>
    public ReportRequest? Request(ParseResult parseResult, List<string> problems)
    {
        if (!ConnectivityFiles.TryParseDistances(parseResult.GetValue(distances)!, out var distanceList, out var distanceError))
        {
            problems.Add($"--distance-km: {distanceError}");
            return null;
        }
        if (birdOptions.Read(parseResult, problems) is not { } birds)
        {
            return null;
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
        request = analysis.Apply(parseResult, request, problems);
        return problems.Count > 0 ? null : request;
    }

    private static Option<string> CreateSeason()
    {
        var option = new Option<string>("--season")
        {
            Description = "spring (1 Mar-31 May), breeding (1 Jun-15 Aug), autumn (16 Aug-30 Nov) or winter (1 Dec of the year before - end of Feb).",
            Required = true,
        };
        option.AcceptOnlyFromAmong([.. Season.Defaults.Select(s => s.Name)]);
        return option;
    }

    private static Option<string> CreateWeight()
    {
        var option = new Option<string>("--weight")
        {
            Description = "Node weight: peak-count (default), individuals (tracked birds; needs telemetry) or uniform.",
            DefaultValueFactory = _ => "peak-count",
        };
        option.AcceptOnlyFromAmong("peak-count", "individuals", "uniform");
        return option;
    }

    private static Option<string> CreateLanguage()
    {
        var option = new Option<string>("--lang")
        {
            Description = "Language of site and species names (English where a name is missing).",
            DefaultValueFactory = _ => "en",
        };
        option.AcceptOnlyFromAmong([.. ReportRequest.Languages]);
        return option;
    }
}
