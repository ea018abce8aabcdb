using Neaspec.Survey.Connectivity;

namespace Neaspec.Survey.Report;

/// <summary>
/// The dates of one season in one year. A window that runs across the new year (winter, 1 Dec - end of Feb)
/// belongs to the year it ends in: winter 2025 = 1 Dec 2024 - 28 Feb 2025, the convention of the midwinter
/// (January) censuses. Other windows lie inside their year. "End of Feb" is 29 Feb in leap years.
/// </summary>
/// <param name="Season">The season.</param>
/// <param name="Year">The year asked for.</param>
/// <param name="From">First day, included.</param>
/// <param name="To">Last day, included.</param>
public sealed record SeasonWindow(Season Season, int Year, DateOnly From, DateOnly To)
{
    /// <summary>The window of <paramref name="season"/> in <paramref name="year"/>.</summary>
    public static SeasonWindow Of(Season season, int year)
    {
        ArgumentNullException.ThrowIfNull(season);
        var wraps = (season.StartMonth * 32) + season.StartDay > (season.EndMonth * 32) + season.EndDay;
        var startYear = wraps ? year - 1 : year;
        return new SeasonWindow(season, year, Day(startYear, season.StartMonth, season.StartDay), Day(year, season.EndMonth, season.EndDay));
    }

    /// <summary>A default season by name (case-insensitive), or null.</summary>
    public static Season? Find(string name) =>
        Season.Defaults.FirstOrDefault(s => string.Equals(s.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>True when the date falls in the window.</summary>
    public bool Contains(DateOnly date) => date >= From && date <= To;

    /// <summary>E.g. "winter 2025 (2024-12-01 to 2025-02-28)".</summary>
    public override string ToString() => $"{Season.Name} {Year} ({From:yyyy-MM-dd} to {To:yyyy-MM-dd})";

    private static DateOnly Day(int year, int month, int day) => new(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));
}
