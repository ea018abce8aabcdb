using System.Text.Json;

namespace Neaspec.Survey.Report.Tests;

/// <summary>
/// The link choice, thresholds, window, time zone, A_L and sensitivity options of neaspec report connectivity and of
/// the connectivity database mode, as a user runs them: good values reach every output, bad ones exit 1 with one
/// clear line each and write nothing.
/// </summary>
public sealed class ReportOptionsCliTests : IClassFixture<TrackedSampleDatabase>, IDisposable
{
    private readonly TrackedSampleDatabase tracked;
    private readonly TestFiles files = new();

    public ReportOptionsCliTests(TrackedSampleDatabase tracked) => this.tracked = tracked;

    public void Dispose() => files.Dispose();

    private Task<(int Code, string Out, string Err)> RunAsync(params string[] args) =>
        NeaspecProcess.RunAsync(tracked.Sample.Db.ConnectionString, args);

    private static readonly string[] HoodedCraneWinter = ["report", "connectivity", "--species", "Grus monacha", "--season", "winter", "--year", "2025"];

    private static List<string> Column(string folder, string file, string column) =>
        LinkChoiceTests.Csv(Path.Combine(folder, file)).Select(r => r[column]).ToList();

    [Fact]
    public async Task By_default_a_season_with_tracks_gets_both_and_the_run_says_why_and_which_counted_sites_no_bird_visited()
    {
        var dir = Path.Combine(files.Folder, "default");

        var (code, stdout, stderr) = await RunAsync([.. HoodedCraneWinter, "--distance-km", "100,250", "--out", dir]);

        Assert.True(code == 0, stderr);
        Assert.Contains("  links: telemetry and distance decay — default: the season has tracks (144 fixes of 1 tagged bird, 2 moves between sites in the season)",
            stdout, StringComparison.Ordinal);
        Assert.Contains("  counted sites no tagged bird visited (no telemetry links, for that reason): CN-PYL, CN-SJL, JP-IZM\n", stdout, StringComparison.Ordinal);
        Assert.Contains("  thresholds: stay radius 10 km, minimum stay 24 h, maximum gap 24 h, site distance 10 km, candidate clustering 20 km (the defaults)",
            stdout, StringComparison.Ordinal);
        Assert.Equal(["telemetry", "distance decay", "distance decay"], Column(dir, "summary.csv", "link_source"));
        var html = await File.ReadAllTextAsync(Path.Combine(dir, "report.html"));
        Assert.Contains("<tr data-param=\"links\"><th>links</th><td>telemetry and distance decay — default: the season has tracks", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("telemetry", new[] { "telemetry" })]
    [InlineData("distance", new[] { "distance decay", "distance decay" })]
    [InlineData("both", new[] { "telemetry", "distance decay", "distance decay" })]
    public async Task Links_as_asked(string links, string[] sources)
    {
        var dir = Path.Combine(files.Folder, links);

        var (code, stdout, stderr) = await RunAsync([.. HoodedCraneWinter, "--distance-km", "100,250", "--links", links, "--out", dir]);

        Assert.True(code == 0, stderr);
        Assert.Contains($"— --links {links} as asked", stdout, StringComparison.Ordinal);
        Assert.Equal(sources, Column(dir, "summary.csv", "link_source"));
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "inputs.json")));
        Assert.Equal(links, json.RootElement.GetProperty("links").GetProperty("used").GetString());
        Assert.True(json.RootElement.GetProperty("links").GetProperty("asked").GetBoolean());
    }

    [Fact]
    public async Task Every_threshold_window_time_zone_and_area_total_given_reaches_the_outputs()
    {
        var dir = Path.Combine(files.Folder, "set");

        var (code, stdout, stderr) = await RunAsync([.. HoodedCraneWinter, "--links", "telemetry", "--stay-radius-km", "5", "--min-stay-hours", "36",
            "--max-gap-hours", "12", "--site-distance-km", "3", "--cluster-distance-km", "30", "--window", "12-01..01-31",
            "--time-zone", "Asia/Seoul", "--area-total", "50000", "--sensitivity", "--out", dir]);

        Assert.True(code == 0, stderr);
        Assert.Contains("  thresholds: stay radius 5 km, minimum stay 36 h, maximum gap 12 h, site distance 3 km, candidate clustering 30 km\n",
            stdout, StringComparison.Ordinal);
        Assert.Contains("  A_L = 50000 (given)", stdout, StringComparison.Ordinal);
        Assert.Contains("  sensitivity: 11 settings;", stdout, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "inputs.json")));
        var root = json.RootElement;
        var thresholds = root.GetProperty("thresholds");
        Assert.Equal((5.0, 36.0, 12.0, 3.0, 30.0), (thresholds.GetProperty("stay_radius_km").GetDouble(), thresholds.GetProperty("min_stay_hours").GetDouble(),
            thresholds.GetProperty("max_gap_hours").GetDouble(), thresholds.GetProperty("site_distance_km").GetDouble(),
            thresholds.GetProperty("cluster_distance_km").GetDouble()));
        var window = root.GetProperty("window");
        Assert.Equal(("2024-12-01", "2025-01-31", "Asia/Seoul", "set for this run (--window)"), (window.GetProperty("from").GetString(),
            window.GetProperty("to").GetString(), window.GetProperty("time_zone").GetString(), window.GetProperty("source").GetString()));
        Assert.Equal((50000.0, true), (root.GetProperty("area_total").GetDouble(), root.GetProperty("area_total_given").GetBoolean()));
        Assert.Equal("50000", Assert.Single(Column(dir, "summary.csv", "area_total")));
        Assert.True(File.Exists(Path.Combine(dir, "sensitivity.csv")));
        var html = await File.ReadAllTextAsync(Path.Combine(dir, "report.html"));
        foreach (var (option, shown) in new[] { ("stay-radius-km", "5 km"), ("min-stay-hours", "36 h"), ("max-gap-hours", "12 h"), ("site-distance-km", "3 km"), ("cluster-distance-km", "30 km") })
        {
            Assert.Matches($"<tr data-option=\"{option}\"><td class=\"code\">--{option}</td><td class=\"n\" data-value=\"[^\"]+\">{shown}</td><td class=\"small\">set for this run</td>", html);
        }
        Assert.Contains("--window 12-01..01-31 --time-zone Asia/Seoul --links telemetry --stay-radius-km 5 --min-stay-hours 36 --max-gap-hours 12 "
            + "--site-distance-km 3 --cluster-distance-km 30 --weight peak-count --area-total 50000 --sensitivity", html, StringComparison.Ordinal);
        Assert.Contains("<section id=\"sensitivity\">", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--links", "sideways", "'sideways' not recognized")]
    [InlineData("--stay-radius-km", "0", "--stay-radius-km: 0 is out of range; give more than 0 to 100 km")]
    [InlineData("--stay-radius-km", "10000", "--stay-radius-km: 10000 is out of range; give more than 0 to 100 km")]
    [InlineData("--stay-radius-km", "1,5", "--stay-radius-km: '1,5' is not a number of km (e.g. 10; a dot for decimals)")]
    [InlineData("--min-stay-hours", "0.5", "--min-stay-hours: 0.5 is out of range; give from 1 to 720 hours")]
    [InlineData("--max-gap-hours", "0", "--max-gap-hours: 0 is out of range; give from 1 to 720 hours")]
    [InlineData("--max-gap-hours", "a day", "--max-gap-hours: 'a day' is not a number of hours")]
    [InlineData("--site-distance-km", "-1", "--site-distance-km: -1 is out of range; give from 0 to 100 km")]
    [InlineData("--cluster-distance-km", "1000", "--cluster-distance-km: 1000 is out of range; give from 0 to 500 km")]
    [InlineData("--window", "12-01..02-30", "--window: '12-01..02-30' is not a window MM-DD..MM-DD")]
    [InlineData("--time-zone", "Mars/Olympus", "--time-zone: 'Mars/Olympus' is not a time zone")]
    [InlineData("--area-total", "-5", "--area-total: -5 is not a positive number")]
    [InlineData("--area-total", "10", "--area-total: 10 is less than the sum of the site weights (22,362)")]
    public async Task A_bad_value_exits_1_with_one_clear_line_and_writes_nothing(string option, string value, string message)
    {
        var dir = Path.Combine(files.Folder, "bad");

        var (code, stdout, stderr) = await RunAsync([.. HoodedCraneWinter, option, value, "--out", dir]);

        Assert.Equal(1, code);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("report.html", stdout, StringComparison.Ordinal);
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public async Task Telemetry_links_or_a_sensitivity_run_without_tracks_are_refused()
    {
        // The sample has no tracks of spoonbills.
        var (telemetry, _, telemetryErr) = await RunAsync("report", "connectivity", "--species", "Platalea minor", "--season", "winter", "--year", "2025",
            "--links", "telemetry", "--out", Path.Combine(files.Folder, "t"));
        var (sensitivity, _, sensitivityErr) = await RunAsync([.. HoodedCraneWinter, "--links", "distance", "--sensitivity", "--out", Path.Combine(files.Folder, "s")]);

        Assert.Equal((1, 1), (telemetry, sensitivity));
        Assert.Contains("--links telemetry: no telemetry fixes of Platalea minor in winter 2025", telemetryErr, StringComparison.Ordinal);
        Assert.Contains("--sensitivity: it varies the thresholds that turn tracks into links, and this run has no telemetry links (distance decay)",
            sensitivityErr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_database_mode_of_connectivity_takes_the_same_options_and_the_file_mode_refuses_them()
    {
        var dir = Path.Combine(files.Folder, "db-mode");

        var (code, stdout, stderr) = await RunAsync("connectivity", "--species", "흑두루미", "--season", "winter", "--year", "2025",
            "--links", "telemetry", "--stay-radius-km", "5", "--area-total", "30000", "--out", dir);
        var (fileMode, _, fileErr) = await RunAsync("connectivity", "--nodes", Path.Combine(files.Folder, "nodes.csv"), "--links", "telemetry",
            "--out", Path.Combine(files.Folder, "file-mode"));

        Assert.True(code == 0, stderr);
        Assert.Contains("  links: telemetry — --links telemetry as asked", stdout, StringComparison.Ordinal);
        Assert.Equal(["telemetry"], Column(dir, "summary.csv", "link_source"));
        Assert.Equal(["30000"], Column(dir, "summary.csv", "area_total"));
        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "inputs.json")));
        Assert.Equal(5, json.RootElement.GetProperty("thresholds").GetProperty("stay_radius_km").GetDouble());
        Assert.Equal(1, fileMode);
        Assert.Contains("connectivity: --links: only with --species (from the database)", fileErr, StringComparison.Ordinal);
    }
}
