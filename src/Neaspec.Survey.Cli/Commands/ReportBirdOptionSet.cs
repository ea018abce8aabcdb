using System.CommandLine;
using Neaspec.Survey.Files;
using Neaspec.Survey.Files.Migratory;
using Neaspec.Survey.Report;

namespace Neaspec.Survey.Cli.Commands;

/// <summary>
/// The report's options that rest on the tracked birds (issue 13), in one set: --bootstrap B, --seed S,
/// --reachability and the MC section (--mc-origin-season, --mc-target-season, --mc-regions, --mc-region-distance-km,
/// --mc-origin-abundance). Maps them onto <see cref="ReportBirdOptions"/>.
/// </summary>
internal sealed class ReportBirdOptionSet
{
    private readonly Option<int?> bootstrap = new("--bootstrap")
    {
        Description = "Bootstrap replicates over the tracked birds for the intervals (default 1000 when the season has tracks; 0 = none).",
    };

    private readonly Option<long?> seed = new("--seed") { Description = "Seed of the bootstrap (default 1): the same seed writes the same intervals." };

    private readonly Option<bool> reachability = new("--reachability")
    {
        Description = "Also PC and EC with the probability of reaching a site at any later stay (absorbing chain) instead of the best path.",
    };

    private readonly Option<string?> abundance = new("--mc-origin-abundance")
    {
        Description = "MC: origin abundance by region id (id,abundance) instead of the census peak counts.",
    };

    private readonly MigratoryOptionSet migratory = new("--mc-");

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { bootstrap, seed, reachability }.Concat(migratory.Options).Append(abundance))
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The options as given, or null and the problems.</summary>
    public ReportBirdOptions? Read(ParseResult parseResult, List<string> problems)
    {
        IReadOnlyDictionary<string, double>? given = null;
        var path = parseResult.GetValue(abundance);
        if (path is not null)
        {
            var errors = new List<InputError>();
            given = MigratoryConnectivityFiles.ReadAbundance(path, errors);
            problems.AddRange(errors.Select(e => e.ToString()));
        }
        var mc = migratory.Given(parseResult) ? migratory.Request(parseResult, given, path, problems) : null;
        if (path is not null && mc is null)
        {
            problems.Add("--mc-origin-abundance: only with --mc-origin-season and --mc-target-season");
        }
        return problems.Count > 0 ? null : new ReportBirdOptions
        {
            Bootstrap = parseResult.GetValue(bootstrap),
            Seed = parseResult.GetValue(seed),
            Reachability = parseResult.GetValue(reachability),
            Migratory = mc,
        };
    }
}
