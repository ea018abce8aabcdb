namespace Neaspec.Survey.Report;

/// <summary>How the ranking of sites by dPC changes when the telemetry thresholds change: the telemetry analysis
/// repeated over <see cref="Connectivity.Sensitivity.ThresholdGrid.OneAtATime"/> (see <see cref="SensitivityAnalysis"/>).</summary>
/// <param name="Settings">One per setting, the baseline first.</param>
/// <param name="Rows">One per site: the baseline's nodes by rank, then sites that are nodes only under other settings,
/// by code.</param>
/// <param name="K">The size of the shortlist that <see cref="SensitivityRow.TopKShare"/> and
/// <see cref="SensitivitySetting.TopKSame"/> count.</param>
public sealed record SensitivityResult(IReadOnlyList<SensitivitySetting> Settings, IReadOnlyList<SensitivityRow> Rows, int K);
