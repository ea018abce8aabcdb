using Microsoft.AspNetCore.Mvc;
using Neaspec.Survey.Connectivity;
using Neaspec.Survey.Report;

namespace Neaspec.Survey.Portal.Pages.Reports;

/// <summary>
/// The report form's links and thresholds (issue 12), the same choices as the command line's <c>--links</c>,
/// <c>--stay-radius-km</c>, <c>--min-stay-hours</c>, <c>--max-gap-hours</c>, <c>--site-distance-km</c>,
/// <c>--cluster-distance-km</c>, <c>--window</c>, <c>--time-zone</c>, <c>--area-total</c> and <c>--sensitivity</c>:
/// empty fields keep the defaults; the numbers are read and checked by the same code (<see cref="ThresholdLimits"/>),
/// and the messages name the form's fields instead of the options. The fields are in _AnalysisFields.cshtml.
/// </summary>
public sealed partial class IndexModel
{
    /// <summary>The form's field names for the options, as the messages use them.</summary>
    private static readonly (string Option, string Field)[] FieldNames =
    [
        ("--links", "links"), ("--stay-radius-km", "stay radius"), ("--min-stay-hours", "minimum stay"), ("--max-gap-hours", "maximum gap"),
        ("--site-distance-km", "site distance"), ("--cluster-distance-km", "candidate clustering distance"), ("--window", "window"),
        ("--time-zone", "time zone"), ("--area-total", "A_L (area total)"), ("--sensitivity", "sensitivity"),
    ];

    /// <summary>The defaults, shown as the fields' placeholders.</summary>
    public static StayOptions DefaultStays { get; } = new();

    /// <inheritdoc cref="DefaultStays"/>
    public static SiteAssignmentOptions DefaultSites { get; } = new();

    /// <summary>"" (the default: both when the season has tracks, else distance), telemetry, distance or both.</summary>
    [BindProperty] public string? Links { get; set; }

    [BindProperty] public string? StayRadiusKm { get; set; }

    [BindProperty] public string? MinStayHours { get; set; }

    [BindProperty] public string? MaxGapHours { get; set; }

    [BindProperty] public string? SiteDistanceKm { get; set; }

    [BindProperty] public string? ClusterDistanceKm { get; set; }

    /// <summary>MM-DD..MM-DD, or empty for the species' window in the seasons table.</summary>
    [BindProperty] public string? Window { get; set; }

    [BindProperty] public string? TimeZone { get; set; }

    [BindProperty] public string? AreaTotal { get; set; }

    [BindProperty] public bool Sensitivity { get; set; }

    /// <summary><paramref name="request"/> with the form's links and thresholds; what is wrong with them is added to
    /// <paramref name="problems"/> in the form's words.</summary>
    private ReportRequest WithAnalysis(ReportRequest request, List<string> problems)
    {
        var found = new List<string>();
        var links = LinkDecision.Parse(Links);
        if (!string.IsNullOrWhiteSpace(Links) && links is null)
        {
            found.Add($"--links: '{Links}' is not one of telemetry, distance, both");
        }
        double? Number(string option, string? text, string unit, string example) => ThresholdLimits.Number(option, text, unit, example, found);
        var applied = request with
        {
            Links = links,
            Stays = ThresholdLimits.Stays(Number("--stay-radius-km", StayRadiusKm, "km", "10"), Number("--min-stay-hours", MinStayHours, "hours", "24"),
                Number("--max-gap-hours", MaxGapHours, "hours", "24")),
            SiteAssignment = ThresholdLimits.Sites(Number("--site-distance-km", SiteDistanceKm, "km", "10"),
                Number("--cluster-distance-km", ClusterDistanceKm, "km", "20")),
            Window = string.IsNullOrWhiteSpace(Window) ? null : Window.Trim(),
            TimeZone = string.IsNullOrWhiteSpace(TimeZone) ? null : TimeZone.Trim(),
            AreaTotal = Number("--area-total", AreaTotal, "birds (or the weights' unit)", "25000"),
            Sensitivity = Sensitivity,
        };
        found.AddRange(ThresholdLimits.Problems(applied));
        problems.AddRange(found.Select(FormWords));
        return applied;
    }

    /// <summary>A message of the report library (which speaks to the command line) in the form's words.</summary>
    private static string FormWords(string problem)
    {
        foreach (var (option, field) in FieldNames)
        {
            problem = problem.Replace(option + " ", field + " ", StringComparison.Ordinal).Replace(option + ":", field + ":", StringComparison.Ordinal);
        }
        return problem;
    }
}
