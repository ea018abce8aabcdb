using Neaspec.Survey.Trends.Thresholds;

namespace Neaspec.Survey.Report.Trends;

/// <summary>Every site of a trend against one flyway population's thresholds.</summary>
/// <param name="Threshold">The population and its thresholds.</param>
/// <param name="Sites">Per site (in site-code order), its seasons flagged and whether it meets them regularly.</param>
public sealed record PopulationFlags(PopulationThreshold Threshold, IReadOnlyList<SiteThresholdFlags> Sites);
