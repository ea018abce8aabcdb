using System.Globalization;

namespace Neaspec.Survey.Connectivity;

/// <summary>
/// A yearly window of dates, such as spring migration (1 Mar - 31 May) or winter (1 Dec - end of Feb, across the
/// new year), optionally for one species, with its dates read in a time zone. Both end dates are included. This is
/// the one season definition of the code: the report, the telemetry network and the database's <c>seasons</c> table
/// (seeded from <see cref="Defaults"/>, read by the <c>track_seasons</c> view) all use it.
/// </summary>
/// <param name="Name">Name, e.g. "spring".</param>
/// <param name="StartMonth">First month (1-12).</param>
/// <param name="StartDay">First day of that month.</param>
/// <param name="EndMonth">Last month (1-12).</param>
/// <param name="EndDay">Last day of that month (29 Feb includes the leap day and means 28 Feb in other years).</param>
/// <param name="Species">Scientific name this window is for, or null for any species.</param>
/// <param name="TimeZone">IANA time zone the dates are read in (default UTC; see <see cref="DefaultTimeZone"/>).</param>
public sealed record Season(string Name, int StartMonth, int StartDay, int EndMonth, int EndDay, string? Species = null,
    string TimeZone = Season.DefaultTimeZone)
{
    /// <summary>
    /// UTC. Its midnight falls at 07:00-10:00 local time across the flyway (UTC+7 Viet Nam to UTC+10 the Russian Far
    /// East), so a night at the roost (about 19:00-06:00 local) never straddles two dates; a local zone such as
    /// Asia/Seoul puts the date line at local midnight instead.
    /// </summary>
    public const string DefaultTimeZone = "UTC";

    /// <summary>Default windows for East Asian flyway waterbirds; replace per species where known.</summary>
    public static IReadOnlyList<Season> Defaults { get; } =
    [
        new("spring", 3, 1, 5, 31),
        new("breeding", 6, 1, 8, 15),
        new("autumn", 8, 16, 11, 30),
        new("winter", 12, 1, 2, 29),
    ];

    /// <summary>The windows for a species: its own when any are given, otherwise the ones with no species.</summary>
    public static IReadOnlyList<Season> For(IEnumerable<Season> seasons, string species)
    {
        ArgumentNullException.ThrowIfNull(seasons);
        var all = seasons.ToList();
        var own = all.Where(s => string.Equals(s.Species, species, StringComparison.OrdinalIgnoreCase)).ToList();
        return own.Count > 0 ? own : all.Where(s => s.Species is null).ToList();
    }

    /// <summary>A season by name (case-insensitive, trimmed) among <paramref name="seasons"/>, or null.</summary>
    public static Season? Find(IEnumerable<Season> seasons, string? name)
    {
        ArgumentNullException.ThrowIfNull(seasons);
        return seasons.FirstOrDefault(s => string.Equals(s.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>First day as MM-DD (the form of the <c>seasons</c> table and of <c>--window</c>).</summary>
    public string Start => string.Create(CultureInfo.InvariantCulture, $"{StartMonth:00}-{StartDay:00}");

    /// <summary>Last day as MM-DD.</summary>
    public string End => string.Create(CultureInfo.InvariantCulture, $"{EndMonth:00}-{EndDay:00}");

    /// <summary>True when the window runs across the new year (winter).</summary>
    public bool WrapsYear => (StartMonth * 32) + StartDay > (EndMonth * 32) + EndDay;

    /// <summary>The time zone, resolved.</summary>
    /// <exception cref="TimeZoneNotFoundException">The id is not a time zone of this machine's database.</exception>
    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);

    /// <summary>The window of this season in <paramref name="year"/> (see <see cref="SeasonWindow"/>).</summary>
    public SeasonWindow In(int year) => SeasonWindow.Of(this, year);

    /// <summary>
    /// Parses a window "MM-DD..MM-DD" (e.g. "02-15..05-20", or "11-20..03-10" across the new year) into this season's
    /// name, species and time zone. Null and a reason when it is not a window.
    /// </summary>
    public static Season? Parse(string name, string window, string? species, string timeZone, out string? error)
    {
        ArgumentNullException.ThrowIfNull(window);
        var parts = window.Trim().Split("..");
        if (parts.Length != 2 || !TryMonthDay(parts[0], out var sm, out var sd) || !TryMonthDay(parts[1], out var em, out var ed))
        {
            error = $"'{window}' is not a window MM-DD..MM-DD (e.g. 03-01..05-31)";
            return null;
        }
        if (!TryZone(timeZone, out error))
        {
            return null;
        }
        error = null;
        return new Season(name, sm, sd, em, ed, species, timeZone);
    }

    /// <summary>True when <paramref name="timeZone"/> is a time zone id this machine knows.</summary>
    public static bool TryZone(string timeZone, out string? error)
    {
        error = null;
        if (!string.IsNullOrWhiteSpace(timeZone) && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out _))
        {
            return true;
        }
        error = $"'{timeZone}' is not a time zone (use an IANA id such as UTC or Asia/Seoul)";
        return false;
    }

    /// <summary>Parses MM-DD; 02-29 is a day (the leap day where there is one).</summary>
    public static bool TryMonthDay(string text, out int month, out int day)
    {
        month = day = 0;
        var t = text.Trim();
        return t.Length == 5 && t[2] == '-'
            && int.TryParse(t.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out month)
            && int.TryParse(t.AsSpan(3, 2), NumberStyles.None, CultureInfo.InvariantCulture, out day)
            && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(2024, month);
    }
}
