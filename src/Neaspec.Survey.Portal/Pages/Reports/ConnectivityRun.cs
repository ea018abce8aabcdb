namespace Neaspec.Survey.Portal.Pages.Reports;

/// <summary>One connectivity report run, as listed on the page (read from the run's <c>run.json</c>).</summary>
public sealed record ConnectivityRun(string Id, string Species, string Season, int Year, string DistancesKm, string Language,
    string RunBy, DateTime CreatedAt, string Summary);
