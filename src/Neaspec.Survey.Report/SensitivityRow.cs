namespace Neaspec.Survey.Report;

/// <summary>One site across the settings of a sensitivity run.</summary>
/// <param name="Code">Site code; for a candidate, its code in the baseline (a candidate of another setting takes the
/// row of the nearest baseline candidate within the baseline's clustering distance).</param>
/// <param name="IsCandidate">True for a candidate site.</param>
/// <param name="Ranks">Its dPC rank per setting (in the order of <see cref="SensitivityResult.Settings"/>), among every
/// node of that setting; null where it is no node (or the setting was not analysed).</param>
/// <param name="Dpc">Its dPC per setting, percent; null where it is no node.</param>
/// <param name="TopKShare">Share of the analysed settings in which it ranks in the top k.</param>
public sealed record SensitivityRow(string Code, bool IsCandidate, IReadOnlyList<int?> Ranks, IReadOnlyList<double?> Dpc, double TopKShare);
