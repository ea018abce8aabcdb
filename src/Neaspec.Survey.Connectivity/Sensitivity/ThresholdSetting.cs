namespace Neaspec.Survey.Connectivity.Sensitivity;

/// <summary>One setting of the telemetry thresholds in a sensitivity run: the baseline, or the baseline with one
/// threshold changed.</summary>
/// <param name="Parameter">The threshold changed, by its option name (<see cref="ThresholdGrid.Baseline"/> for none):
/// stay-radius-km, min-stay-hours, max-gap-hours, site-distance-km or cluster-distance-km.</param>
/// <param name="Value">Its value in this setting (km or hours, as the name says); NaN for the baseline.</param>
/// <param name="Factor">The value against the baseline's (0.5, 2); 1 for the baseline.</param>
/// <param name="Stays">Stay detection thresholds of this setting.</param>
/// <param name="Sites">Site assignment thresholds of this setting.</param>
public sealed record ThresholdSetting(string Parameter, double Value, double Factor, StayOptions Stays, SiteAssignmentOptions Sites)
{
    /// <summary>True for the setting every other one is compared with.</summary>
    public bool IsBaseline => Parameter == ThresholdGrid.Baseline;
}
