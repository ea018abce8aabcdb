using Neaspec.Survey.Connectivity.Sensitivity;

namespace Neaspec.Survey.Report;

/// <summary>The telemetry analysis under one setting of the threshold grid, against the baseline.</summary>
/// <param name="Setting">The thresholds.</param>
/// <param name="Problem">Why the setting could not be analysed (e.g. every site weighs 0 under it), else null.</param>
/// <param name="Nodes">Sites in the network.</param>
/// <param name="Candidates">Of those, candidate sites.</param>
/// <param name="Links">Telemetry links.</param>
/// <param name="Moves">Moves between sites that departed in the season.</param>
/// <param name="PC">PC of the setting's network.</param>
/// <param name="TauB">Kendall's tau-b between the sites' dPC under this setting and under the baseline (over the rows
/// of <see cref="SensitivityResult.Rows"/>; a site that is no node has dPC 0); NaN when undefined.</param>
/// <param name="TopKSame">How many of the baseline's top k sites are in this setting's top k.</param>
public sealed record SensitivitySetting(ThresholdSetting Setting, string? Problem, int Nodes, int Candidates, int Links, int Moves,
    double PC, double TauB, int TopKSame);
