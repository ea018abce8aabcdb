namespace Neaspec.Survey.Ingestion.Import;

/// <summary>The survey dates and fix times an import takes as plausible: from <see cref="First"/> to
/// <see cref="Last"/>, both included (<see cref="ImportLimits.EarliestDate"/>, today plus
/// <see cref="ImportLimits.DaysAhead"/>). PostgreSQL's <c>infinity</c> and the year-1 and year-9999 dates a
/// spreadsheet writes for an empty or broken cell fall outside.</summary>
public sealed record DateWindow(DateOnly First, DateOnly Last)
{
    /// <summary>The window of the default limits as of today.</summary>
    public static DateWindow Default => ImportLimits.Default.Dates(TimeProvider.System);

    public bool Contains(DateOnly date) => date >= First && date <= Last;

    /// <summary>A UTC time whose date lies in the window.</summary>
    public bool Contains(DateTime utc) => Contains(DateOnly.FromDateTime(utc));

    /// <summary>Why a date is refused, for a row error.</summary>
    public string Reason(string what) =>
        $"{what} outside the plausible range {First:yyyy-MM-dd} .. {Last:yyyy-MM-dd} (settings {ImportLimits.Setting(nameof(ImportLimits.EarliestDate))} " +
        $"and {ImportLimits.Setting(nameof(ImportLimits.DaysAhead))})";
}
