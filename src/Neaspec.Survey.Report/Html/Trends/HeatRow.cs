namespace Neaspec.Survey.Report.Html.Trends;

/// <summary>One site's row of the heat map.</summary>
internal sealed record HeatRow(ReportSite Site, bool InTrend, IReadOnlyList<HeatCell> Cells);
