namespace Neaspec.Survey.Report.Trends;

/// <summary>What <see cref="TrendReport.Compute"/> gives: the report, or why TRIM cannot fit these counts.</summary>
/// <param name="Report">The report; null when there are problems.</param>
/// <param name="Problems">Why no trend could be fitted.</param>
public sealed record TrendReportOutcome(TrendReport? Report, IReadOnlyList<string> Problems);
