using Neaspec.Survey.Connectivity;

namespace Neaspec.Survey.Report.Migratory;

/// <summary>
/// An MC run from the database: the species and year come from the report request (the year names the origin
/// season, as the report's year names its season); the target season is the first one of its name that starts after
/// the origin season starts (<see cref="SeasonWindow.Following"/>).
/// </summary>
public sealed record MigratoryRequest
{
    /// <summary>The season of the origin ends (e.g. breeding).</summary>
    public required string OriginSeason { get; init; }

    /// <summary>The season of the target ends (e.g. winter).</summary>
    public required string TargetSeason { get; init; }

    /// <summary>What a region is.</summary>
    public RegionGrouping Regions { get; init; } = RegionGrouping.Site;

    /// <summary>With <see cref="RegionGrouping.Cluster"/>: sites this close (km, single linkage) are one region.</summary>
    public double? RegionDistanceKm { get; init; }

    /// <summary>Origin abundance by region id, given by hand; null = the census peak counts of the origin season.</summary>
    public IReadOnlyDictionary<string, double>? OriginAbundance { get; init; }

    /// <summary>Where <see cref="OriginAbundance"/> came from (a file name), for the outputs.</summary>
    public string? OriginAbundanceSource { get; init; }

    /// <summary>What is wrong with the request, in words for the user (empty when nothing).</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        foreach (var (option, name) in new[] { ("--origin-season", OriginSeason), ("--target-season", TargetSeason) })
        {
            if (Season.Find(Season.Defaults, name) is null)
            {
                problems.Add($"{option}: '{name}' is not a season; use {string.Join(", ", Season.Defaults.Select(s => s.Name))}");
            }
        }
        if (string.Equals(OriginSeason, TargetSeason, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add("--target-season: the origin and target seasons must differ");
        }
        if (Regions == RegionGrouping.Cluster && !(RegionDistanceKm is > 0 and < double.PositiveInfinity))
        {
            problems.Add("--region-distance-km: clusters need a positive distance in km, e.g. 100");
        }
        if (Regions != RegionGrouping.Cluster && RegionDistanceKm is not null)
        {
            problems.Add("--region-distance-km: only with --regions cluster");
        }
        if (OriginAbundance is { } given && (given.Values.Any(v => !(v >= 0) || double.IsInfinity(v)) || !(given.Values.Sum() > 0)))
        {
            problems.Add("--origin-abundance: abundances must be finite numbers >= 0, not all 0");
        }
        return problems;
    }
}
