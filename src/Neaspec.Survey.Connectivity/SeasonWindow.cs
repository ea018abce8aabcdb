namespace Neaspec.Survey.Connectivity;

/// <summary>
/// The dates of one season in one year, and the instants they span in the season's time zone. A window that runs
/// across the new year (winter, 1 Dec - end of Feb) belongs to the year it ends in: winter 2025 = 1 Dec 2024 -
/// 28 Feb 2025, the convention of the midwinter (January) censuses. Other windows lie inside their year. "End of
/// Feb" is 29 Feb in leap years.
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
        var startYear = season.WrapsYear ? year - 1 : year;
        return new SeasonWindow(season, year, Day(startYear, season.StartMonth, season.StartDay), Day(year, season.EndMonth, season.EndDay));
    }

    /// <summary>A default season by name (case-insensitive), or null.</summary>
    public static Season? Find(string name) => Season.Find(Season.Defaults, name);

    /// <summary>The window of <paramref name="season"/> holding the instant <paramref name="utc"/>, or null.</summary>
    public static SeasonWindow? Holding(Season season, DateTime utc)
    {
        ArgumentNullException.ThrowIfNull(season);
        var local = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), season.Zone));
        foreach (var year in new[] { local.Year, local.Year + 1 })
        {
            var window = Of(season, year);
            if (window.Contains(local))
            {
                return window;
            }
        }
        return null;
    }

    /// <summary>
    /// The first window of <paramref name="season"/> that starts after this one starts: the season that follows in a
    /// bird's year. After breeding 2025 (Jun - Aug 2025) comes winter 2026 (Dec 2025 - Feb 2026, named by the year it
    /// ends in); after winter 2025 comes breeding 2025.
    /// </summary>
    public SeasonWindow Following(Season season)
    {
        ArgumentNullException.ThrowIfNull(season);
        for (var year = Year; ; year++)
        {
            var window = Of(season, year);
            if (window.Start > Start)
            {
                return window;
            }
        }
    }

    /// <summary>00:00 of <see cref="From"/> in the season's time zone, as UTC: the first instant of the window.</summary>
    public DateTime Start => Midnight(From);

    /// <summary>00:00 of the day after <see cref="To"/> in the season's time zone, as UTC: the first instant after.</summary>
    public DateTime End => Midnight(To.AddDays(1));

    /// <summary>True when the date falls in the window.</summary>
    public bool Contains(DateOnly date) => date >= From && date <= To;

    /// <summary>True when the UTC instant falls in the window (<see cref="Start"/> &lt;= t &lt; <see cref="End"/>).</summary>
    public bool Contains(DateTime utc) => utc >= Start && utc < End;

    /// <summary>E.g. "winter 2025 (2024-12-01 to 2025-02-28)", with the time zone when it is not UTC.</summary>
    public override string ToString() =>
        $"{Season.Name} {Year} ({From:yyyy-MM-dd} to {To:yyyy-MM-dd}{(Season.TimeZone == Season.DefaultTimeZone ? "" : ", " + Season.TimeZone)})";

    private DateTime Midnight(DateOnly day)
    {
        var zone = Season.Zone;
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        // Where a clock change skips midnight the day starts at the first valid minute.
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }
        return TimeZoneInfo.ConvertTimeToUtc(local, zone);
    }

    private static DateOnly Day(int year, int month, int day) => new(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));
}
