using Neaspec.Survey.Connectivity;

namespace Neaspec.Survey.Report.Tests;

public sealed class SeasonWindowTests
{
    [Theory]
    [InlineData("winter", 2025, "2024-12-01", "2025-02-28")]
    [InlineData("winter", 2024, "2023-12-01", "2024-02-29")]
    [InlineData("spring", 2025, "2025-03-01", "2025-05-31")]
    [InlineData("breeding", 2025, "2025-06-01", "2025-08-15")]
    [InlineData("autumn", 2024, "2024-08-16", "2024-11-30")]
    public void A_season_of_a_year_has_these_dates(string season, int year, string from, string to)
    {
        var window = SeasonWindow.Of(SeasonWindow.Find(season)!, year);

        Assert.Equal(DateOnly.Parse(from, System.Globalization.CultureInfo.InvariantCulture), window.From);
        Assert.Equal(DateOnly.Parse(to, System.Globalization.CultureInfo.InvariantCulture), window.To);
    }

    [Fact]
    public void Season_names_are_the_library_defaults_and_ignore_case()
    {
        Assert.Same(Season.Defaults[3], SeasonWindow.Find(" Winter "));
        Assert.Null(SeasonWindow.Find("monsoon"));
    }
}
