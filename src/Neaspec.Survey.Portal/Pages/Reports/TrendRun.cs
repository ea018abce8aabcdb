namespace Neaspec.Survey.Portal.Pages.Reports;

/// <summary>One population trend report run, as listed on the page (read from the run's <c>run.json</c>).</summary>
public sealed record TrendRun(string Id, string Species, string Window, string Years, string Model, string Language, string RunBy,
    DateTime CreatedAt, string Summary);
