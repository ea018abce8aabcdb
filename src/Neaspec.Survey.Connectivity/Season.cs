namespace Neaspec.Survey.Connectivity;

/// <summary>
/// A yearly date window, such as spring migration (1 Mar - 31 May) or winter (1 Dec - end of Feb, across the
/// new year), optionally for one species. Both ends are included.
/// </summary>
/// <param name="Name">Name, e.g. "spring".</param>
/// <param name="StartMonth">First month (1-12).</param>
/// <param name="StartDay">First day of that month.</param>
/// <param name="EndMonth">Last month (1-12).</param>
/// <param name="EndDay">Last day of that month (29 Feb includes the leap day).</param>
/// <param name="Species">Scientific name this window is for, or null for any species.</param>
public sealed record Season(string Name, int StartMonth, int StartDay, int EndMonth, int EndDay, string? Species = null)
{
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

    private int Start => Key(StartMonth, StartDay);

    private int End => Key(EndMonth, EndDay);

    private bool Wraps => Start > End;

    /// <summary>True when the date falls in the window.</summary>
    public bool Contains(DateTime time)
    {
        var key = Key(time.Month, time.Day);
        return Wraps ? key >= Start || key <= End : key >= Start && key <= End;
    }

    /// <summary>
    /// The year the occurrence of this window holding <paramref name="time"/> starts in (winter 2025/26 is
    /// 2025), or null when the date is outside the window. Consecutive stopovers are only paired within one
    /// occurrence.
    /// </summary>
    public int? Occurrence(DateTime time)
    {
        if (!Contains(time))
        {
            return null;
        }
        return Wraps && Key(time.Month, time.Day) <= End ? time.Year - 1 : time.Year;
    }

    private static int Key(int month, int day) => (month * 32) + day;
}
