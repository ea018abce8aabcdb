using System.CommandLine;
using Neaspec.Survey.Connectivity;
using Neaspec.Survey.Report.Migratory;

namespace Neaspec.Survey.Cli.Commands;

/// <summary>
/// The options of an MC run from the database: origin and target season, regions and their clustering distance.
/// <c>neaspec migratory-connectivity</c> takes them as <c>--origin-season ...</c>, <c>neaspec report connectivity</c> as
/// <c>--mc-origin-season ...</c> (its own --season is the report's).
/// </summary>
internal sealed class MigratoryOptionSet
{
    private readonly Option<string?> originSeason;
    private readonly Option<string?> targetSeason;
    private readonly Option<string> regions;
    private readonly Option<double?> regionDistance;

    public MigratoryOptionSet(string prefix)
    {
        var seasons = Season.Defaults.Select(s => s.Name).ToArray();
        originSeason = new Option<string?>($"{prefix}origin-season")
        {
            Description = "MC: the season of the origin ends, e.g. breeding; the year names it (winter Y = Dec Y-1 - Feb Y).",
        };
        originSeason.AcceptOnlyFromAmong(seasons);
        targetSeason = new Option<string?>($"{prefix}target-season")
        {
            Description = "MC: the season of the target ends, e.g. winter: the first one that starts after the origin season starts.",
        };
        targetSeason.AcceptOnlyFromAmong(seasons);
        regions = new Option<string>($"{prefix}regions")
        {
            Description = "MC regions: site (default), country, or cluster (sites within --region-distance-km).",
            DefaultValueFactory = _ => "site",
        };
        regions.AcceptOnlyFromAmong("site", "country", "cluster");
        regionDistance = new Option<double?>($"{prefix}region-distance-km") { Description = "MC with cluster regions: sites this close (km) are one region." };
    }

    public IEnumerable<Option> Options => [originSeason, targetSeason, regions, regionDistance];

    /// <summary>True when an MC run is asked for (either season given).</summary>
    public bool Given(ParseResult parseResult) =>
        parseResult.GetResult(originSeason) is not null || parseResult.GetResult(targetSeason) is not null;

    /// <summary>The request, or null and the problems (a season missing).</summary>
    public MigratoryRequest? Request(ParseResult parseResult, IReadOnlyDictionary<string, double>? abundance, string? abundanceSource,
        List<string> problems)
    {
        var origin = parseResult.GetValue(originSeason);
        var target = parseResult.GetValue(targetSeason);
        if (origin is null || target is null)
        {
            problems.Add($"{originSeason.Name} and {targetSeason.Name}: MC needs both seasons, e.g. breeding and winter");
            return null;
        }
        return new MigratoryRequest
        {
            OriginSeason = origin,
            TargetSeason = target,
            Regions = Enum.Parse<RegionGrouping>(parseResult.GetValue(regions)!, ignoreCase: true),
            RegionDistanceKm = parseResult.GetValue(regionDistance),
            OriginAbundance = abundance,
            OriginAbundanceSource = abundanceSource is null ? null : Path.GetFileName(abundanceSource),
        };
    }
}
