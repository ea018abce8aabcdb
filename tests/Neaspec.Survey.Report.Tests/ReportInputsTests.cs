using Neaspec.Survey.Connectivity;

namespace Neaspec.Survey.Report.Tests;

/// <summary>The inputs built from values: which sites become nodes, names, telemetry links. No database.</summary>
public sealed class ReportInputsTests
{
    private static readonly SeasonWindow Winter2025 = TelemetrySample.Winter2025;
    private static readonly Dictionary<string, ReportSite> Sites = TelemetrySample.Sites;
    private static readonly CountUsed[] Counts = TelemetrySample.Counts;

    private static CountUsed Count(string site, string date, int? n) => TelemetrySample.Count(site, date, n);

    [Fact]
    public void Nodes_are_the_counted_sites_weighted_by_their_peak_and_a_not_counted_site_is_left_out()
    {
        var result = ConnectivityInputs.Create(SampleDatabase.HoodedCrane(), Winter2025, "Grus monacha", "Hooded Crane", Sites, Counts, []);

        var nodes = result.Inputs!.Nodes.ToDictionary(n => n.Id, n => n.Weight);
        Assert.Equal(new Dictionary<string, double> { ["CN-PYL"] = 0, ["JP-IZM"] = 14020, ["KR-SCB"] = 6980 }, nodes);
        Assert.Null(result.Inputs.Telemetry);
    }

    [Fact]
    public void Names_come_in_the_chosen_language_and_fall_back_to_english()
    {
        Assert.Equal("이즈미", Sites["JP-IZM"].Name("ko"));
        Assert.Equal("Suncheon Bay", Sites["KR-SCB"].Name("ko"));
        Assert.Equal("Izumi", Sites["JP-IZM"].Name("ru"));
    }

    [Fact]
    public void Nothing_counted_or_all_zero_is_a_problem_not_an_exception()
    {
        var none = ConnectivityInputs.Create(SampleDatabase.HoodedCrane(), Winter2025, "Grus monacha", "Hooded Crane", Sites, [], []);
        var zeros = ConnectivityInputs.Create(SampleDatabase.HoodedCrane(), Winter2025, "Grus monacha", "Hooded Crane", Sites,
            [Count("CN-PYL", "2025-01-12", 0)], []);
        var individuals = ConnectivityInputs.Create(SampleDatabase.HoodedCrane() with { Weighting = NodeWeighting.TrackedIndividuals },
            Winter2025, "Grus monacha", "Hooded Crane", Sites, Counts, []);

        Assert.Contains("no counts", Assert.Single(none.Problems), StringComparison.Ordinal);
        Assert.Contains("weighs 0", Assert.Single(zeros.Problems), StringComparison.Ordinal);
        Assert.Contains("no telemetry fixes", Assert.Single(individuals.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_fixes_the_links_come_from_telemetry_and_a_tracked_site_without_counts_joins_the_network()
    {
        // Two birds: Izumi -> Suncheon -> Cheorwon, and Izumi -> Suncheon.
        var fixes = TelemetrySample.Stays(("a", "JP-IZM", "2024-12-02"), ("a", "KR-SCB", "2024-12-10"), ("a", "KR-CWN", "2024-12-20"),
            ("b", "JP-IZM", "2025-01-02"), ("b", "KR-SCB", "2025-01-10"));

        var inputs = ConnectivityInputs.Create(SampleDatabase.HoodedCrane(), Winter2025, "Grus monacha", "Hooded Crane", Sites, Counts, fixes).Inputs!;
        var report = ConnectivityReport.Compute(inputs);

        // The season has tracks and --links was not given: the telemetry run first, then the distance-decay runs.
        Assert.Equal(["telemetry", "d50km", "d100km", "d250km", "d500km"], report.Runs.Select(r => r.Key));
        var run = report.Runs[0];
        Assert.Null(run.DistanceKm);
        Assert.True(run.Network.IsDirected);
        Assert.Contains(inputs.Nodes, n => n.Id == "KR-CWN" && n.Weight == 0);
        var links = run.Links.ToDictionary(l => (l.From, l.To));
        Assert.Equal(2, links.Count);
        Assert.Equal(1.0, links[("JP-IZM", "KR-SCB")].Probability);
        Assert.Equal(2, links[("JP-IZM", "KR-SCB")].Individuals);
        Assert.Equal(1.0, links[("KR-SCB", "KR-CWN")].Probability);
        Assert.Contains("telemetry", await HtmlReport.RenderAsync(report), StringComparison.Ordinal);
    }
}

/// <summary>A large network keeps the page readable: every site drawn and ranked, but the bar plot and the map
/// labels hold only the top sites.</summary>
public sealed class LargeReportTests
{
    [Fact]
    public async Task Six_hundred_sites_draw_every_marker_but_label_and_plot_only_the_top()
    {
        var random = new Random(7);
        var sites = Enumerable.Range(0, 600).Select(k => new ReportSite($"S{k:000}",
                new Dictionary<string, string> { ["en"] = $"Site {k}" }, k % 2 == 0 ? "KR" : "CN",
                110 + (random.NextDouble() * 25), 25 + (random.NextDouble() * 20)))
            .ToDictionary(s => s.Code, StringComparer.Ordinal);
        var counts = sites.Keys.Select(code => new CountUsed(code, new DateOnly(2025, 1, 12), null, random.Next(1, 5000), null, "f.csv", "ab", 2)).ToArray();
        var request = SampleDatabase.HoodedCrane() with { DistancesKm = [100] };
        var window = SeasonWindow.Of(SeasonWindow.Find("winter")!, 2025);

        var inputs = ConnectivityInputs.Create(request, window, "Grus monacha", "Hooded Crane", sites, counts, []).Inputs!;
        var html = await HtmlReport.RenderAsync(ConnectivityReport.Compute(inputs));

        Assert.Equal(600, System.Text.RegularExpressions.Regex.Count(html, "<circle class=\"site\""));
        Assert.Equal(30, System.Text.RegularExpressions.Regex.Count(html, "<text class=\"label\""));
        Assert.Equal(600, System.Text.RegularExpressions.Regex.Count(html, "<tr data-site="));
        Assert.Contains("The 40 sites with the largest dPC of 600", html, StringComparison.Ordinal);
    }
}
