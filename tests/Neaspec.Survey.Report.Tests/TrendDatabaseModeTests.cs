using System.Text.Json.Nodes;
using Neaspec.Survey.Files.Trends;
using Neaspec.Survey.Report.Trends;
using Neaspec.Survey.Trends;

namespace Neaspec.Survey.Report.Tests;

/// <summary>The database mode gives the same answer as file mode on the same counts, written both ways (through the
/// real importer into PostGIS, and by hand as a site,year,count file); sites.csv marks provisional sites and the flags.</summary>
public sealed class TrendDatabaseModeTests(TrendDatabase data) : IClassFixture<TrendDatabase>
{
    [Fact]
    public async Task The_commands_give_the_same_years_and_slope_from_the_database_as_from_the_file()
    {
        var counts = data.Files.Write("site-years.csv", TrendDatabase.SiteYearsCsv);
        var fromFile = Path.Combine(data.Files.Folder, "file-mode");
        var fromDatabase = Path.Combine(data.Files.Folder, "database-mode");
        string[] model = ["--model", "3", "--overdispersion", "--serial-correlation"];

        var file = await NeaspecProcess.RunAsync(null, ["trend", "--counts", counts, .. model, "--out", fromFile]);
        var database = await NeaspecProcess.RunAsync(data.Db.ConnectionString,
            ["trend", "--species", "Black-faced Spoonbill", "--window", TrendDatabase.Window, "--years", "2019-2024", .. model, "--out", fromDatabase]);

        Assert.True(file.Code == 0, file.Err);
        Assert.True(database.Code == 0, database.Err);
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(fromFile, "years.csv")), await File.ReadAllTextAsync(Path.Combine(fromDatabase, "years.csv")));
        var a = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(fromFile, "summary.json")))!;
        var b = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(fromDatabase, "summary.json")))!;
        // The sites come in another order (the file's, the database's by code), so sums may differ in the last bits.
        foreach (var key in new[] { "slope", "overdispersion", "serialCorrelation", "goodnessOfFit", "waldTests", "parameters", "removedSites", "observedCounts", "zeroCounts", "missingCounts" })
        {
            Assert.True(Same(a[key], b[key]), $"{key}: file {a[key]?.ToJsonString()} vs database {b[key]?.ToJsonString()}");
        }
        // Both print the same fit and slope lines; the database mode says which sites were provisional.
        Assert.Equal(Lines(file.Out).Where(l => l.StartsWith("model", StringComparison.Ordinal) || l.StartsWith("overall", StringComparison.Ordinal) || l.StartsWith("removed", StringComparison.Ordinal)),
            Lines(database.Out).Where(l => l.StartsWith("model", StringComparison.Ordinal) || l.StartsWith("overall", StringComparison.Ordinal) || l.StartsWith("removed", StringComparison.Ordinal)));
        Assert.Contains("removed 1 site(s) without a positive count: VN-XTH", database.Out, StringComparison.Ordinal);
        Assert.Contains("provisional sites included (marked in sites.csv): KR-NEW1", database.Out, StringComparison.Ordinal);
        Assert.Equal("[\"KR-NEW1\"]", b["provisionalSites"]!.ToJsonString());
        Assert.Equal("Platalea minor", b["species"]!.GetValue<string>());
    }

    [Fact]
    public async Task Strata_by_country_are_the_same_from_the_database_as_from_the_file()
    {
        // Model 2 (a slope per country) leaves no year to identify per country, so the sparse Korean site is allowed.
        var trend = new TrendOptions { Model = TrendModel.LinearTrend, Overdispersion = true };
        var counts = data.Files.Write("site-years-strata.csv", TrendDatabase.SiteYearsCsv);
        var file = TrendFiles.Run(new TrendFileOptions { CountsPath = counts, Covariate = "country", OutDirectory = Path.Combine(data.Files.Folder, "f2"), Trend = trend });
        Assert.True(file.Succeeded, string.Join("; ", file.Errors));
        var report = await data.ReportAsync(TrendDatabase.Request(trend, byCountry: true));
        var written = TrendReportFiles.Write(report, Path.Combine(data.Files.Folder, "d2"));

        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(data.Files.Folder, "f2", "strata.csv")),
            await File.ReadAllTextAsync(written.Single(w => w.EndsWith("strata.csv", StringComparison.Ordinal))));
        Assert.Equal(["HK", "JP", "KR", "TW"], report.Result.Strata.Select(s => s.Category));
    }

    [Fact]
    public async Task Sites_csv_marks_the_provisional_site_and_the_one_percent_flags_worked_by_hand()
    {
        var report = await data.ReportAsync(TrendDatabase.Request(new TrendOptions { Model = TrendModel.TimeEffects, Overdispersion = true }));
        var dir = Path.Combine(data.Files.Folder, "sites");
        TrendReportFiles.Write(report, dir);
        var rows = (await File.ReadAllLinesAsync(Path.Combine(dir, "sites.csv"))).Select(l => l.Split(',')).ToList();
        Assert.Equal(TrendReportFiles.SiteColumns, rows[0]);
        var bySite = rows.Skip(1).ToDictionary(r => r[0]);
        string Get(string site, string column) => bySite[site][Array.IndexOf(rows[0], column)];

        // The seeded spoonbill population: 7,081 birds, 1 % threshold 71; 12-01..02-28 is no staging season.
        // TW-ZWE: 6 winters counted, all >= 71 -> regularly. HK-MPO: 4 winters counted (2020 fogged out, 2022 no survey),
        // all >= 71 -> 3 x 4 >= 2 x 4, regularly. JP-HKB: 6 counted, peak 70 < 71 -> none, not regularly; mean peak
        // (40 + 45 + 0 + 60 + 55 + 70) / 6 = 45. KR-NEW1: 3 counted (12, 18, 25), none >= 71. VN-XTH: 1 counted (0).
        Assert.Equal(["6", "6", "yes"], new[] { Get("TW-ZWE", "seasons_counted"), Get("TW-ZWE", "seasons_1pct"), Get("TW-ZWE", "regularly_1pct") });
        Assert.Equal(["4", "2", "4", "yes"], new[] { Get("HK-MPO", "seasons_counted"), Get("HK-MPO", "seasons_missing"), Get("HK-MPO", "seasons_1pct"), Get("HK-MPO", "regularly_1pct") });
        Assert.Equal(["0", "no", "45", "70"], new[] { Get("JP-HKB", "seasons_1pct"), Get("JP-HKB", "regularly_1pct"), Get("JP-HKB", "mean_peak"), Get("JP-HKB", "max_peak") });
        Assert.Equal(["true", "true", "3", "no"], new[] { Get("KR-NEW1", "provisional"), Get("KR-NEW1", "in_trend"), Get("KR-NEW1", "seasons_counted"), Get("KR-NEW1", "regularly_1pct") });
        Assert.Equal(["false", "1", "too few seasons"], new[] { Get("VN-XTH", "in_trend"), Get("VN-XTH", "seasons_counted"), Get("VN-XTH", "regularly_1pct") });
        Assert.All(bySite.Values, r => Assert.Equal("71", r[Array.IndexOf(rows[0], "one_percent_threshold")]));
        Assert.All(bySite.Values, r => Assert.Equal("", r[Array.IndexOf(rows[0], "regularly_025pct")]));

        // site_years.csv is a valid counts file for file mode, and the very table of the hand-written file.
        var siteYears = await File.ReadAllLinesAsync(Path.Combine(dir, "site_years.csv"));
        var observed = siteYears.Skip(1).Select(l => l.Split(',')).Where(f => f[2].Length > 0).Select(f => $"{f[0]},{f[1]},{f[2]}").Order(StringComparer.Ordinal);
        var expected = TrendDatabase.SiteYearsCsv.Split('\n').Skip(1).Select(l => l.Trim().Split(',')).Where(f => f[2].Length > 0)
            .Select(f => $"{f[0]},{f[1]},{f[2]}").Order(StringComparer.Ordinal);
        Assert.Equal(expected, observed);
        Assert.Contains("HK-MPO,2022,,HK,false,", siteYears.Single(l => l.StartsWith("HK-MPO,2022,", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.EndsWith(",true", siteYears.Single(l => l.StartsWith("HK-MPO,2022,", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_staging_criterion_applies_to_passage_seasons_or_when_asked()
    {
        var model3 = new TrendOptions { Model = TrendModel.TimeEffects };
        // The species' spring season (03-01..05-31) is a passage season; its one count is TW-ZWE's 4,000 of 2 March 2024.
        var spring = (await TrendInputs.LoadAsync(data.Db.Database, TrendDatabase.Request(model3) with { Window = "spring" })).Inputs!;
        Assert.True(spring.Staging);
        Assert.Equal(new SiteYearValue("TW-ZWE", 2024, 4000, 1, 0), Assert.Single(spring.Values));
        var winter = await TrendInputs.LoadAsync(data.Db.Database, TrendDatabase.Request(model3) with { Window = "winter" });
        Assert.False(winter.Inputs!.Staging);
        Assert.Equal("12-01..02-29 (winter)", winter.Inputs.WindowText);

        // Asked for: 0.25 % of 7,081 = 17.7025. JP-HKB's winters 40, 45, 0, 60, 55, 70: five of six >= 17.7025,
        // 3 x 5 = 15 >= 2 x 6 = 12 -> regularly; KR-NEW1's 12, 18, 25: two of three, 6 >= 6 -> regularly.
        var report = await data.ReportAsync(TrendDatabase.Request(model3) with { Staging = true });
        var flags = Assert.Single(report.Flags).Sites.ToDictionary(f => f.Site);
        Assert.Equal(5, flags["JP-HKB"].QuarterPercentSeasons);
        Assert.Equal(Neaspec.Survey.Trends.Thresholds.Regularity.Regularly, flags["JP-HKB"].QuarterPercent);
        Assert.Equal(2, flags["KR-NEW1"].QuarterPercentSeasons);
        Assert.Equal(Neaspec.Survey.Trends.Thresholds.Regularity.Regularly, flags["KR-NEW1"].QuarterPercent);
        Assert.Equal(Neaspec.Survey.Trends.Thresholds.Regularity.NotRegularly, flags["KR-NEW1"].OnePercent);
    }

    /// <summary>The same JSON, numbers equal to 1e-9 relative.</summary>
    private static bool Same(JsonNode? x, JsonNode? y) => (x, y) switch
    {
        (null, null) => true,
        (JsonObject a, JsonObject b) => a.Count == b.Count && a.All(p => b.ContainsKey(p.Key) && Same(p.Value, b[p.Key])),
        (JsonArray a, JsonArray b) => a.Count == b.Count && a.Zip(b).All(p => Same(p.First, p.Second)),
        (JsonValue a, JsonValue b) when a.TryGetValue<double>(out var u) && b.TryGetValue<double>(out var v) =>
            Math.Abs(u - v) <= 1e-9 * Math.Max(1, Math.Max(Math.Abs(u), Math.Abs(v))),
        _ => JsonNode.DeepEquals(x, y),
    };

    private static IEnumerable<string> Lines(string text) => text.Split('\n').Select(l => l.TrimEnd('\r'));
}
