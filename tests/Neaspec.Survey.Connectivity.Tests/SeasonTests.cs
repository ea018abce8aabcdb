using Neaspec.Survey.Connectivity;

namespace Neaspec.Survey.Connectivity.Tests;

public class SeasonTests
{
    private static DateTime Day(int year, int month, int day) => new(year, month, day, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Spring_includes_both_ends()
    {
        var spring = new Season("spring", 3, 1, 5, 31);
        Assert.True(spring.Contains(Day(2025, 3, 1)));
        Assert.True(spring.Contains(Day(2025, 5, 31)));
        Assert.False(spring.Contains(Day(2025, 6, 1)));
        Assert.False(spring.Contains(Day(2025, 2, 28)));
        Assert.Equal(2025, spring.Occurrence(Day(2025, 4, 1)));
        Assert.Null(spring.Occurrence(Day(2025, 7, 1)));
    }

    [Fact]
    public void Winter_runs_across_the_new_year()
    {
        var winter = Season.Defaults.Single(s => s.Name == "winter");
        Assert.True(winter.Contains(Day(2025, 12, 1)));
        Assert.True(winter.Contains(Day(2026, 1, 15)));
        Assert.True(winter.Contains(Day(2024, 2, 29)));
        Assert.False(winter.Contains(Day(2026, 3, 1)));
        // Winter 2025/26 is one occurrence.
        Assert.Equal(2025, winter.Occurrence(Day(2025, 12, 20)));
        Assert.Equal(2025, winter.Occurrence(Day(2026, 2, 1)));
    }

    [Fact]
    public void A_species_can_have_its_own_windows()
    {
        Season[] seasons = [.. Season.Defaults, new("spring", 2, 15, 4, 30, "Grus monacha")];
        Assert.Equal(new DateTime(2025, 2, 15).Month, Season.For(seasons, "Grus monacha").Single().StartMonth);
        Assert.Equal(4, Season.For(seasons, "Platalea minor").Count);
    }
}
