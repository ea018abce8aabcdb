using Neaspec.Survey.Connectivity;
using static Neaspec.Survey.Connectivity.Tests.Tracks;

namespace Neaspec.Survey.Connectivity.Tests;

public class SeasonTests
{
    [Fact]
    public void A_window_spans_whole_days_in_its_time_zone()
    {
        // Spring 2025 in UTC: 1 Mar 00:00 UTC up to 1 Jun 00:00 UTC. In Asia/Seoul (UTC+9, no DST): the same dates
        // start 9 h earlier in UTC, 28 Feb 15:00 UTC.
        var utc = SeasonWindow.Of(Season.Defaults[0], 2025);
        var seoul = SeasonWindow.Of(Season.Defaults[0] with { TimeZone = "Asia/Seoul" }, 2025);

        Assert.Equal((Utc(2025, 3, 1), Utc(2025, 6, 1)), (utc.Start, utc.End));
        Assert.Equal((Utc(2025, 2, 28, 15), Utc(2025, 5, 31, 15)), (seoul.Start, seoul.End));
        Assert.True(utc.Contains(Utc(2025, 3, 1)));
        Assert.False(utc.Contains(Utc(2025, 2, 28, 23, 59)));
        Assert.True(seoul.Contains(Utc(2025, 2, 28, 23, 59)));
    }

    [Fact]
    public void Winter_runs_across_the_new_year_and_belongs_to_the_year_it_ends_in()
    {
        var winter = Season.Defaults.Single(s => s.Name == "winter");
        Assert.True(winter.WrapsYear);
        Assert.Equal(2026, SeasonWindow.Holding(winter, Utc(2025, 12, 20))!.Year);
        Assert.Equal(2026, SeasonWindow.Holding(winter, Utc(2026, 2, 1))!.Year);
        Assert.Equal(new DateOnly(2024, 2, 29), winter.In(2024).To);
        Assert.Null(SeasonWindow.Holding(winter, Utc(2026, 3, 1)));
    }

    [Fact]
    public void A_species_can_have_its_own_windows_and_a_run_its_own_dates()
    {
        Season[] seasons = [.. Season.Defaults, new("spring", 2, 15, 4, 30, "Grus monacha")];
        Assert.Equal(2, Season.For(seasons, "Grus monacha").Single().StartMonth);
        Assert.Equal(4, Season.For(seasons, "Platalea minor").Count);

        var late = Season.Parse("autumn", "09-01..12-10", null, "Asia/Seoul", out var error);
        Assert.Null(error);
        Assert.Equal(("09-01", "12-10", "Asia/Seoul"), (late!.Start, late.End, late.TimeZone));
        Assert.Null(Season.Parse("autumn", "9/1..12/10", null, "UTC", out error));
        Assert.Contains("MM-DD", error, StringComparison.Ordinal);
        Assert.Null(Season.Parse("autumn", "02-30..03-10", null, "UTC", out _));
        Assert.Null(Season.Parse("autumn", "02-01..03-10", null, "Mars/Olympus", out error));
        Assert.Contains("time zone", error, StringComparison.Ordinal);
    }
}
