using Neaspec.Survey.Connectivity;
using Neaspec.Survey.Report.Trends;
using Neaspec.Survey.Trends;
using Neaspec.Survey.Trends.Thresholds;

namespace Neaspec.Survey.Report.Tests;

/// <summary>The site-year value of the database mode, worked by hand: the peak count in the window of each year, a
/// window across the new year belonging to the year it ends in, "not counted" missing and never 0.</summary>
public sealed class SiteYearRuleTests
{
    private const string Spoonbill = "Platalea minor";
    private static readonly Season Winter = Season.Parse("12-01..02-28", "12-01..02-28", null, "UTC", out _)!;

    private static CountRecord C(string site, string date, int? n) => new(site, Spoonbill, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), n);

    [Fact]
    public void A_window_across_the_new_year_belongs_to_the_year_it_ends_in()
    {
        // Winter 2025 = 2024-12-01 .. 2025-02-28. 2024-12-15 (120) and 2025-01-10 (90) are winter 2025: peak 120.
        // 2024-11-30 is before any window of 2024-2025; 2025-03-01 is after winter 2025 and before winter 2026.
        // 2024-02-10 (55) is winter 2024 (2023-12-01 .. 2024-02-28).
        var values = SiteYearRule.Of(
            [C("A", "2024-12-15", 120), C("A", "2025-01-10", 90), C("A", "2024-11-30", 999), C("A", "2025-03-01", 999), C("A", "2024-02-10", 55)],
            Spoonbill, Winter, 2024, 2025);
        Assert.Equal([new SiteYearValue("A", 2024, 55, 1, 0), new SiteYearValue("A", 2025, 120, 2, 0)], values);
    }

    [Fact]
    public void Not_counted_is_missing_never_zero_and_a_zero_is_a_count()
    {
        // Site A, winter 2025: one survey, fogged out -> missing (null), though it had a survey.
        // Site B, winter 2025: fogged out once, then counted 0 -> 0, a real zero.
        // Site C: no survey in winter 2025 -> no entry at all (missing too).
        var values = SiteYearRule.Of(
            [C("A", "2025-01-12", null), C("B", "2024-12-20", null), C("B", "2025-02-02", 0), C("C", "2024-01-05", 12)],
            Spoonbill, Winter, 2025, 2025);
        Assert.Equal([new SiteYearValue("A", 2025, null, 0, 1), new SiteYearValue("B", 2025, 0, 1, 1)], values);
    }

    [Fact]
    public void Two_surveys_in_one_window_give_the_larger_count()
    {
        // 2024-12-15: 340, 2025-01-12: 412 -> 412; another species' 5,000 and the fogged-out survey do not count.
        var values = SiteYearRule.Of(
            [C("A", "2024-12-15", 340), C("A", "2025-01-12", 412), C("A", "2025-02-01", null),
             new CountRecord("A", "Grus monacha", new DateOnly(2025, 1, 12), 5000)],
            Spoonbill, Winter, 2025, 2025);
        var value = Assert.Single(values);
        Assert.Equal(412, value.Count);
        Assert.Equal(2, value.Counted);
        Assert.Equal(1, value.NotCounted);
    }

    [Fact]
    public void The_end_of_February_window_takes_the_leap_day_and_a_named_season_comes_from_the_list()
    {
        // The default winter (12-01..02-29) ends on 29 Feb 2024 in a leap year, 28 Feb otherwise: a count on
        // 2024-02-29 is winter 2024; with the window 12-01..02-28 it is in no window.
        var winter = Season.Find(Season.Defaults, "winter")!;
        Assert.Single(SiteYearRule.Of([C("A", "2024-02-29", 7)], Spoonbill, winter, 2024, 2024));
        Assert.Empty(SiteYearRule.Of([C("A", "2024-02-29", 7)], Spoonbill, Winter, 2024, 2025));
        Assert.Same(winter, TrendInputs.SeasonOf(Season.Defaults, " Winter ", out var none));
        Assert.Null(none);
        Assert.Null(TrendInputs.SeasonOf(Season.Defaults, "13-01..02-28", out var bad));
        Assert.Contains("'13-01..02-28' is not a window MM-DD..MM-DD", bad, StringComparison.Ordinal);
        Assert.Null(TrendInputs.SeasonOf(Season.Defaults, "monsoon", out var unknown));
        Assert.Contains("winter", unknown, StringComparison.Ordinal);
    }

    [Fact]
    public void The_table_keeps_provisional_sites_filters_countries_and_strata_by_country()
    {
        var sites = new Dictionary<string, ReportSite>(StringComparer.Ordinal)
        {
            ["KR-A"] = Site("KR-A", "KR"),
            ["KR-NEW"] = Site("KR-NEW", "KR", provisional: true),
            ["JP-B"] = Site("JP-B", "JP"),
            ["CN-C"] = Site("CN-C", "CN"),
        };
        CountRecord[] counts = [C("KR-A", "2025-01-10", 30), C("KR-NEW", "2025-01-10", 4), C("JP-B", "2024-01-10", 8), C("JP-B", "2025-01-10", null), C("CN-C", "2025-01-10", 9)];
        var request = new TrendRequest
        {
            Species = Spoonbill, Window = "12-01..02-28", FirstYear = 2024, LastYear = 2025, Countries = ["kr", "JP"],
            Trend = new TrendOptions { Model = TrendModel.TimeEffects },
        };
        var inputs = TrendInputs.Create(request, Winter, Spoonbill, "Black-faced Spoonbill", sites, counts, []).Inputs!;
        // CN-C is outside the countries; KR-NEW is provisional and kept; the sites span KR and JP, so the default strata
        // are by country (ByCountry null).
        Assert.Equal(["JP-B", "KR-A", "KR-NEW"], inputs.Sites.Keys.Order(StringComparer.Ordinal));
        Assert.True(inputs.Sites["KR-NEW"].IsProvisional);
        Assert.True(inputs.ByCountry);
        Assert.Equal(["country"], inputs.Table.CovariateNames);
        Assert.Equal(
            [new SiteYearCount("JP-B", 2024, 8, ["JP"]), new SiteYearCount("JP-B", 2025, null, ["JP"]),
             new SiteYearCount("KR-A", 2025, 30, ["KR"]), new SiteYearCount("KR-NEW", 2025, 4, ["KR"])],
            inputs.Table.Counts, new SiteYearCountComparer());
        Assert.False(inputs.Staging);

        var oneCountry = TrendInputs.Create(request with { Countries = ["KR"], ByCountry = true }, Winter, Spoonbill, "", sites, counts, []);
        Assert.Null(oneCountry.Inputs);
        Assert.Contains("every site with counts lies in KR", Assert.Single(oneCountry.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Years_given_backwards_a_missing_population_and_no_counts_are_refused_in_words()
    {
        var request = new TrendRequest
        {
            Species = Spoonbill, Window = "12-01..02-28", FirstYear = 2025, LastYear = 2001, Trend = new TrendOptions { Model = TrendModel.TimeEffects },
        };
        var sites = new Dictionary<string, ReportSite>(StringComparer.Ordinal) { ["A"] = Site("A", "KR") };
        var backwards = TrendInputs.Create(request, Winter, Spoonbill, "", sites, [C("A", "2025-01-10", 3)], []);
        Assert.Equal("--years: 2025-2001 runs backwards; give the first year first, e.g. 2001-2025", Assert.Single(backwards.Problems));

        var forwards = request with { FirstYear = 2001, LastYear = 2025 };
        var none = TrendInputs.Create(forwards, Winter, Spoonbill, "", sites, [C("A", "2000-01-10", 3)], []);
        Assert.Equal("no counts of Platalea minor in the window 12-01..02-28 of 2001-2025: nothing to fit", Assert.Single(none.Problems));

        var population = TrendInputs.Create(forwards with { Population = "Atlantic" }, Winter, Spoonbill, "", sites, [C("A", "2025-01-10", 3)],
            [new PopulationThreshold("global", 7081, 71, "census", 2025)]);
        Assert.Equal("--population: 'Atlantic' is not a population of Platalea minor; the table has 'global'", Assert.Single(population.Problems));
    }

    private static ReportSite Site(string code, string country, bool provisional = false) =>
        new(code, new Dictionary<string, string> { ["en"] = code }, country, 127, 35, IsProvisional: provisional);

    /// <summary>SiteYearCount holds a list, so records compare it by reference; compare its items.</summary>
    private sealed class SiteYearCountComparer : IEqualityComparer<SiteYearCount>
    {
        public bool Equals(SiteYearCount? x, SiteYearCount? y) =>
            x is not null && y is not null && x.Site == y.Site && x.Year == y.Year && x.Count == y.Count && x.Covariates.SequenceEqual(y.Covariates);

        public int GetHashCode(SiteYearCount obj) => HashCode.Combine(obj.Site, obj.Year, obj.Count);
    }
}
