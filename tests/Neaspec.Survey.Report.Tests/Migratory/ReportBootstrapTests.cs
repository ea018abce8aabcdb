using Neaspec.Survey.Connectivity;
using Neaspec.Survey.Connectivity.Migratory;
using Neaspec.Survey.Report.Migratory;

namespace Neaspec.Survey.Report.Tests.Migratory;

/// <summary>The report's bootstrap over birds (on the six cranes of <see cref="SixCraneScenarioTests"/>), its
/// reachability option, and the page's intervals and MC section.</summary>
public sealed class ReportBootstrapTests : IDisposable
{
    private readonly List<string> folders = [];

    public void Dispose() => folders.ForEach(f => Directory.Delete(f, recursive: true));

    private static ConnectivityInputs Inputs(ReportBirdOptions birds, NodeWeighting weighting = NodeWeighting.Uniform) => ConnectivityInputs.Create(
        SampleDatabase.HoodedCrane() with { Season = "autumn", Weighting = weighting, Birds = birds, Links = LinkChoice.Telemetry },
        SeasonWindow.Of(SeasonWindow.Find("autumn")!, 2025), "Grus monacha", "Hooded Crane", SixCraneScenarioTests.Sites, [], SixCraneScenarioTests.Tracks()).Inputs!;

    private async Task<string> WriteAsync(ConnectivityReport report)
    {
        var folder = Path.Combine(Path.GetTempPath(), $"report-bootstrap-{Guid.NewGuid():N}");
        folders.Add(folder);
        await ReportFiles.WriteAsync(report, folder);
        return folder;
    }

    private static readonly string[] Csvs = ["nodes.csv", "summary.csv", "country_pairs.csv"];

    [Fact]
    public async Task The_same_seed_writes_byte_identical_csvs_on_one_thread_or_two_and_another_seed_other_intervals()
    {
        var one = await WriteAsync(ConnectivityReport.Compute(Inputs(new ReportBirdOptions { Bootstrap = 400, Seed = 11, MaxDegreeOfParallelism = 1 })));
        var two = await WriteAsync(ConnectivityReport.Compute(Inputs(new ReportBirdOptions { Bootstrap = 400, Seed = 11, MaxDegreeOfParallelism = 2 })));
        var other = await WriteAsync(ConnectivityReport.Compute(Inputs(new ReportBirdOptions { Bootstrap = 400, Seed = 12 })));

        foreach (var name in Csvs)
        {
            Assert.Equal(await File.ReadAllBytesAsync(Path.Combine(one, name)), await File.ReadAllBytesAsync(Path.Combine(two, name)));
        }
        Assert.NotEqual(await File.ReadAllTextAsync(Path.Combine(one, "nodes.csv")), await File.ReadAllTextAsync(Path.Combine(other, "nodes.csv")));
        var summary = File.ReadAllLines(Path.Combine(one, "summary.csv"));
        Assert.EndsWith(",6,400,11,0.95", summary[1], StringComparison.Ordinal); // six birds with a stay in autumn, B, seed, level
    }

    [Fact]
    public void Intervals_hold_the_estimate_of_sites_every_bird_agrees_on_and_count_the_birds()
    {
        var report = ConnectivityReport.Compute(Inputs(new ReportBirdOptions { Bootstrap = 300, Seed = 3 }));
        var run = Assert.Single(report.Runs);
        var b = run.Bootstrap!;

        Assert.Equal(6, b.Birds);
        Assert.InRange(run.Result.PC, b.PC.Low, b.PC.High);
        // dPC is a percentage of PCnum: every replicate's, and so every interval, lies in [0, 100] around the estimate.
        Assert.All(b.Sites.Values, s => Assert.InRange(s.DPC.Low, 0, s.DPC.High));
        Assert.All(b.Sites.Values, s => Assert.InRange(s.DPC.High, s.DPC.Low, 100));
        // Birds behind each site: Muraviovka had c1, c2, c5 and c6 in autumn; Cheorwon c1 and c2.
        Assert.Equal(4, report.BirdsAt("RU-MUR"));
        Assert.Equal(2, report.BirdsAt("KR-CWN"));
    }

    [Fact]
    public void A_bird_drawn_twice_counts_as_two_birds_in_the_links()
    {
        // Two birds: x moves A -> B, y stays at A. Resampling (x, x) must give p_AB = 2/2 = 1, not 1/1 from one merged
        // bird; (x, y) gives 1/2. So the intervals of a two-bird season can only take the values of these resamples.
        var window = SeasonWindow.Of(SeasonWindow.Find("autumn")!, 2025);
        Stay At(string bird, double lon, DateTime from, DateTime to) => new(bird, from, to, lon, 40, [], 0, false);
        var d = new DateTime(2025, 9, 1, 0, 0, 0, DateTimeKind.Utc);
        SiteVisit[] visits =
        [
            new(At("x", 120, d, d.AddDays(5)), "A", false), new(At("x", 121, d.AddDays(6), d.AddDays(100)), "B", false),
            new(At("y", 120, d, d.AddDays(100)), "A", false),
        ];
        SiteNode[] nodes = [new("A", 120, 40, 1), new("B", 121, 40, 1)];
        var options = new Connectivity.Uncertainty.SeasonBootstrapOptions();
        var xx = Connectivity.Uncertainty.SeasonBootstrap.Statistic(
            [visits[0], visits[1], visits[0] with { Stay = visits[0].Stay with { Individual = "x#2" } }, visits[1] with { Stay = visits[1].Stay with { Individual = "x#2" } }],
            window, nodes, options);
        var xy = Connectivity.Uncertainty.SeasonBootstrap.Statistic(visits, window, nodes, options);
        // PCnum = a_A^2 + a_B^2 + a_A a_B p_AB (directed: only A -> B) = 2 + p; A_L = 2: PC = (2 + p) / 4.
        Assert.Equal(3 / 4.0, xx.PC, 12);
        Assert.Equal(2.5 / 4.0, xy.PC, 12);

        var run = Connectivity.Uncertainty.SeasonBootstrap.Run(visits, window, nodes,
            new Connectivity.Uncertainty.SeasonBootstrapOptions { Bootstrap = new() { Replicates = 200, Seed = 5 } });
        // Resamples: (x, x) -> 0.75, (y, y) -> 0.5 (no move), (x, y) -> 0.625; nothing else.
        Assert.All(run.Replicates.Replicates, r => Assert.Contains(r.PC, new[] { 0.75, 0.5, 0.625 }));
        Assert.Equal(2, run.Individuals.Count);
    }

    [Fact]
    public void Reachability_adds_the_second_route_to_Cheorwon_and_is_off_by_default()
    {
        Assert.Null(Assert.Single(ConnectivityReport.Compute(Inputs(new ReportBirdOptions { Bootstrap = 0 })).Runs).Reachability);

        var run = Assert.Single(ConnectivityReport.Compute(Inputs(new ReportBirdOptions { Bootstrap = 0, Reachability = true })).Runs);
        var reach = run.Reachability!;
        Assert.Null(reach.WhyNot);
        // Muraviovka -> Cheorwon: directly 1/4, or through Khanka 1/4 * 1: the best path keeps 1/4, reachability both,
        // 1/2. On to Suncheon (Cheorwon -> Suncheon 1/2): best path 1/4 * 1/2 = 1/8, reachability 1/2 * 1/2 = 1/4. Every
        // other ordered pair has one route (no cycles), so h = p* there. Weights 1, A_L = 8 sites:
        // PC grows by ((1/2 - 1/4) + (1/4 - 1/8)) / 8^2 = (1/4 + 1/8) / 64.
        Assert.Equal(run.Result.PC + ((0.25 + 0.125) / 64), reach.PC, 12);
        Assert.Equal(Reachability.PC(run.Network, run.Result.AreaTotal).PC, reach.PC, 15);
    }

    [Fact]
    public async Task The_page_shows_intervals_and_error_bars_for_telemetry_and_says_why_distance_decay_has_none()
    {
        var report = ConnectivityReport.Compute(Inputs(new ReportBirdOptions { Bootstrap = 200, Seed = 4 }));
        var html = await HtmlReport.RenderAsync(report);
        var run = report.Runs.Single();

        Assert.Equal(run.Network.Nodes.Count, CountOf(html, "<g class=\"err\""));
        Assert.Equal(run.Network.Nodes.Count * 4, CountOf(html, "data-ci-low=\""));
        var mur = run.Bootstrap!.Sites["RU-MUR"].DPC;
        Assert.Contains($"data-col=\"dPC\" data-value=\"{run.Result.PerNode[run.Network.Nodes.ToList().FindIndex(n => n.Id == "RU-MUR")].DPC:R}\" data-ci-low=\"{mur.Low:R}\" data-ci-high=\"{mur.High:R}\"", html, StringComparison.Ordinal);
        Assert.Contains("resamples of the 6 tracked birds", html, StringComparison.Ordinal);

        var decay = ConnectivityReport.Compute(ConnectivityInputs.Create(SampleDatabase.HoodedCrane(), TelemetrySample.Winter2025, "Grus monacha",
            "Hooded Crane", TelemetrySample.Sites, TelemetrySample.Counts, []).Inputs!);
        var decayHtml = await HtmlReport.RenderAsync(decay);
        Assert.All(decay.Runs, r => Assert.Null(r.Bootstrap));
        Assert.Equal(decay.Runs.Count, CountOf(decayHtml, "No intervals: distance-decay links come from a dispersal kernel"));
        Assert.Equal(0, CountOf(decayHtml, "data-ci-low=\"0"));
    }

    [Fact]
    public async Task The_MC_section_shows_MC_psi_as_a_heat_map_the_flows_and_every_bird()
    {
        var origin = SeasonWindow.Of(SeasonWindow.Find("breeding")!, 2030);
        var target = origin.Following(SeasonWindow.Find("winter")!);
        var request = MigratoryScenario.Request(bootstrap: 100, seed: 2);
        var migration = MigrationInputs.Build(request, origin, target, "Grus monacha", "Hooded Crane", ScenarioSites(),
            [Count("RU-MRV", "2030-07-10", 300), Count("RU-KHL", "2030-06-15", 100)], ScenarioFixes()).Inputs!;
        // The report's bootstrap settings serve its MC section too.
        var report = ConnectivityReport.Compute(Inputs(new ReportBirdOptions { Bootstrap = 100, Seed = 2 }), migration);
        var html = await HtmlReport.RenderAsync(report);

        var e = report.Migratory!.Estimate!;
        Assert.Contains($"id=\"mc-value\" data-value=\"{e.Point.MC:R}\" data-ci-low=\"{e.MCInterval!.Low:R}\"", html, StringComparison.Ordinal);
        Assert.Contains("data-from=\"RU-MRV\" data-to=\"JP-IZM\" data-value=\"0.75\" data-birds=\"3\"", html, StringComparison.Ordinal);
        Assert.Equal(3, CountOf(html, "<path class=\"flow\"")); // KHL -> SCB, MRV -> IZM, MRV -> SCB; no bird KHL -> IZM
        Assert.Equal(2, CountOf(html, "<circle class=\"origin\""));
        Assert.Equal(2, CountOf(html, "<rect class=\"target\""));
        Assert.Equal(9, CountOf(html, "<tr data-bird="));
        Assert.Equal(3, CountOf(html, "class=\"dropped\""));
        Assert.Contains("winter 2031 (2030-12-01 to 2031-02-28)", html, StringComparison.Ordinal);
    }

    private static CountUsed Count(string site, string date, int n) =>
        new(site, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), null, n, null, "c.csv", "ab", 2);

    private static Dictionary<string, ReportSite> ScenarioSites() => MigratoryScenario.Points.ToDictionary(p => p.Key,
        p => new ReportSite(p.Key, new Dictionary<string, string> { ["en"] = p.Key }, p.Key[..2], p.Value.Lon, p.Value.Lat), StringComparer.Ordinal);

    /// <summary>The scenario's tracks as fixes (every 6 h), without a database.</summary>
    private static List<Fix> ScenarioFixes()
    {
        var fixes = new List<Fix>();
        void Stay(string bird, string site, DateTime from, DateTime to)
        {
            for (var t = from; t <= to; t = t.AddHours(6))
            {
                fixes.Add(new Fix(bird, t, MigratoryScenario.Points[site].Lon, MigratoryScenario.Points[site].Lat));
            }
        }
        foreach (var (bird, breeding, winter) in MigratoryScenario.Birds)
        {
            if (breeding is not null)
            {
                Stay(bird, breeding, new DateTime(2030, 6, 5, 0, 0, 0, DateTimeKind.Utc), bird == "g" ? new DateTime(2030, 9, 10, 0, 0, 0, DateTimeKind.Utc) : new DateTime(2030, 7, 20, 0, 0, 0, DateTimeKind.Utc));
            }
            if (winter is not null)
            {
                Stay(bird, winter, new DateTime(2030, 12, 10, 0, 0, 0, DateTimeKind.Utc), new DateTime(2031, 1, 30, 0, 0, 0, DateTimeKind.Utc));
            }
        }
        return fixes;
    }

    private static int CountOf(string text, string part)
    {
        var n = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            n++;
        }
        return n;
    }
}
