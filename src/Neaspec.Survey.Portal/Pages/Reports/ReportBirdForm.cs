using Neaspec.Survey.Report;
using Neaspec.Survey.Report.Migratory;

namespace Neaspec.Survey.Portal.Pages.Reports;

/// <summary>
/// The report form's fields that rest on the tracked birds (issue 13): the bootstrap's replicates and seed,
/// reachability, and the MC section's seasons and regions. Bound as <c>Birds.*</c>; the fields are in
/// <c>_ReportBirdFields.cshtml</c>.
/// </summary>
public sealed class ReportBirdForm
{
    /// <summary>"none": no MC section.</summary>
    public const string NoMigratory = "none";

    public int Bootstrap { get; set; } = ReportBirdOptions.DefaultReplicates;

    public long? Seed { get; set; }

    public bool Reachability { get; set; }

    public string OriginSeason { get; set; } = NoMigratory;

    public string TargetSeason { get; set; } = "winter";

    public string Regions { get; set; } = "site";

    public double? RegionDistanceKm { get; set; }

    public static IReadOnlyList<string> RegionChoices { get; } = ["site", "country", "cluster"];

    /// <summary>The options, or null and the problems in the form's words.</summary>
    public ReportBirdOptions? Options(List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        MigratoryRequest? mc = null;
        if (OriginSeason != NoMigratory)
        {
            if (!Enum.TryParse<RegionGrouping>(Regions, ignoreCase: true, out var grouping) || !RegionChoices.Contains(Regions))
            {
                problems.Add($"regions: choose one of {string.Join(", ", RegionChoices)}");
            }
            mc = new MigratoryRequest
            {
                OriginSeason = OriginSeason,
                TargetSeason = TargetSeason,
                Regions = grouping,
                RegionDistanceKm = grouping == RegionGrouping.Cluster ? RegionDistanceKm : null,
            };
        }
        var options = new ReportBirdOptions { Bootstrap = Bootstrap, Seed = Seed, Reachability = Reachability, Migratory = mc };
        problems.AddRange(options.Problems().Select(p => p.Replace("--", "", StringComparison.Ordinal)));
        return problems.Count > 0 ? null : options;
    }
}
