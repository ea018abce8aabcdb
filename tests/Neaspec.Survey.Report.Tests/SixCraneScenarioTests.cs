using Microsoft.Extensions.Time.Testing;
using NetTopologySuite.Geometries;
using Neaspec.Survey.Connectivity;

namespace Neaspec.Survey.Report.Tests;

/// <summary>
/// The scenario: six Hooded Cranes in autumn 2025 (16 Aug - 30 Nov, UTC) with seven true site-to-site moves,
/// made of the cases that broke the old pipeline. Every expected link below is read off the tracks by hand.
/// </summary>
public sealed class SixCraneScenarioTests
{
    private static readonly DateTime Aug1 = Utc(2025, 8, 1);
    private static readonly DateTime Dec20 = Utc(2025, 12, 20);

    private static DateTime Utc(int y, int m, int d, int h = 0, int min = 0) => new(y, m, d, h, min, 0, DateTimeKind.Utc);

    private static Polygon Box(double west, double south, double east, double north) => new GeometryFactory().CreatePolygon(
        [new(west, south), new(east, south), new(east, north), new(west, north), new(west, south)]);

    private static ReportSite Site(string code, string country, double lon, double lat, Geometry? area = null) =>
        new(code, new Dictionary<string, string> { ["en"] = code }, country, lon, lat, area);

    /// <summary>The seven known sites of the scenario.</summary>
    public static IReadOnlyDictionary<string, ReportSite> ScenarioSites => Sites;

    internal static readonly Dictionary<string, ReportSite> Sites = new[]
    {
        Site("RU-MUR", "RU", 128.0, 49.9),                                        // Muraviovka, breeding
        Site("CN-XKH", "CN", 132.5, 45.0, Box(132.0, 44.6, 133.0, 45.4)),         // Lake Khanka, a large polygon
        Site("KR-CWN", "KR", 127.22, 38.25),                                      // Cheorwon
        Site("KR-SCB", "KR", 127.51, 34.88),                                      // Suncheon Bay
        Site("JP-IZM", "JP", 130.27, 32.125),                                     // Izumi
        Site("CN-YRD", "CN", 118.9, 37.8, Box(118.5, 37.5, 119.3, 38.2)),         // Yellow River Delta, polygon
        Site("CN-SJL", "CN", 117.05, 30.38),                                      // Shengjin Lake
    }.ToDictionary(s => s.Code, StringComparer.Ordinal);

    private static (double, double) P(string code) => (Sites[code].Longitude, Sites[code].Latitude);

    /// <summary>The six tracks. True autumn moves: c1 MUR -> XKH -> CWN, c2 MUR -> CWN -> SCB, c3 YRD -> SJL,
    /// c5 MUR -> (unknown place in the DPRK) -> IZM = 7; c4 never leaves SJL; c6 leaves MUR on 3 Dec, after autumn.</summary>
    public static List<Fix> Tracks()
    {
        var khanka = (132.75, 45.25);         // inside Khanka's polygon, 34 km from its point
        var delta = (119.1, 38.0);            // inside the delta's polygon, 28 km from its point
        var dprk = (125.6, 39.6);             // no known site within 200 km
        return
        [
            // c1: commutes 14 km every day at Muraviovka and at Khanka (the old rule: no stay at either).
            .. new CraneTrack("c1", Aug1).Stay(P("RU-MUR"), Utc(2025, 10, 10, 8), commuteKm: 14).FlyTo(khanka)
                .Stay(khanka, Utc(2025, 10, 15, 8), commuteKm: 14).FlyTo(P("KR-CWN")).Stay(P("KR-CWN"), Dec20).Fixes,
            // c2: one fix 25 km off on 1 Sep; at Cheorwon the tag is silent for 36 h (two stays, one site, no move).
            .. new CraneTrack("c2", Aug1).Stay(P("RU-MUR"), Utc(2025, 10, 12, 6)).Excursion(Utc(2025, 9, 1, 12), 25)
                .FlyTo(P("KR-CWN")).Stay(P("KR-CWN"), Utc(2025, 11, 2, 7)).Gap(Utc(2025, 10, 20), Utc(2025, 10, 21, 12))
                .FlyTo(P("KR-SCB")).Stay(P("KR-SCB"), Dec20).Fixes,
            // c3: in the delta since 1 Aug, leaves at 00:30 on 16 Aug, the first hour of autumn.
            .. new CraneTrack("c3", Aug1).Stay(delta, Utc(2025, 8, 16, 0, 30)).FlyTo(P("CN-SJL")).Stay(P("CN-SJL"), Dec20).Fixes,
            // c4: never leaves.
            .. new CraneTrack("c4", Aug1).Stay(P("CN-SJL"), Dec20).Fixes,
            // c5: three days at a place no site knows, on the way to Izumi.
            .. new CraneTrack("c5", Aug1).Stay(P("RU-MUR"), Utc(2025, 10, 5, 6)).FlyTo(dprk).Stay(dprk, Utc(2025, 10, 8, 6))
                .FlyTo(P("JP-IZM")).Stay(P("JP-IZM"), Dec20).Fixes,
            // c6: a late migrant, at Muraviovka until 3 Dec.
            .. new CraneTrack("c6", Aug1).Stay(P("RU-MUR"), Utc(2025, 12, 3, 6)).FlyTo(P("KR-SCB")).Stay(P("KR-SCB"), Dec20).Fixes,
        ];
    }

    private static ConnectivityInputs Inputs() => ConnectivityInputs.Create(
        SampleDatabase.HoodedCrane() with { Season = "autumn", Weighting = NodeWeighting.Uniform, Links = LinkChoice.Telemetry },
        SeasonWindow.Of(SeasonWindow.Find("autumn")!, 2025), "Grus monacha", "Hooded Crane", Sites, [], Tracks()).Inputs!;

    [Fact]
    public void All_seven_moves_and_none_invented()
    {
        var telemetry = Inputs().Telemetry!;

        // Present at Muraviovka with a known next state: c1, c2, c5 (moved) and c6 (still there on 30 Nov) = 4.
        // At Cheorwon: c1 (stayed) and c2 (moved on) = 2. Khanka, the delta and the DPRK place: one bird each, moved.
        Assert.Equal(
        [
            new TelemetryLink("CN-XKH", "KR-CWN", 1, 1, 0),
            new TelemetryLink("CN-YRD", "CN-SJL", 1, 1, 0),
            new TelemetryLink("KR-CWN", "KR-SCB", 1, 2, 0),
            new TelemetryLink("RU-MUR", "CN-XKH", 1, 4, 0),
            new TelemetryLink("RU-MUR", "KR-CWN", 1, 4, 0),
            new TelemetryLink("RU-MUR", "candidate-1", 1, 4, 0),
            new TelemetryLink("candidate-1", "JP-IZM", 1, 1, 0),
        ], telemetry.Links);
        Assert.Equal(7, telemetry.Moves.Count);
        Assert.All(telemetry.Links, l => Assert.True(l.FewIndividuals));
    }

    [Fact]
    public void The_unknown_stop_is_an_unnamed_node_with_its_location_and_carries_the_connector_role()
    {
        var inputs = Inputs();
        var report = ConnectivityReport.Compute(inputs);

        var candidate = Assert.Single(inputs.Candidates);
        Assert.Equal("candidate-1", candidate.Code);
        Assert.Equal((125.6, 39.6), (Math.Round(candidate.Longitude, 6), Math.Round(candidate.Latitude, 6)));
        Assert.True(inputs.Sites["candidate-1"].IsCandidate);
        Assert.Contains(inputs.Nodes, n => n.Id == "candidate-1");
        // MUR -> candidate -> IZM is the only way to Izumi: the candidate is a stepping stone, dPCconnector > 0.
        var run = Assert.Single(report.Runs);
        var values = run.Result.PerNode[run.Network.Nodes.ToList().FindIndex(n => n.Id == "candidate-1")];
        Assert.True(values.DPCconnector > 0);
    }

    [Fact]
    public void The_report_keeps_the_link_counts_and_a_given_area_total()
    {
        // The seven known sites the birds used and the candidate: 8 nodes of weight 1. With A_L = 100 (say, the tagged
        // population), PC = PCnum / 100^2 instead of PCnum / 8^2.
        var inputs = Inputs();
        var report = ConnectivityReport.Compute(ConnectivityInputs.Create(inputs.Request with { AreaTotal = 100 }, inputs.Window,
            "Grus monacha", "Hooded Crane", Sites, [], Tracks()).Inputs!);

        var run = Assert.Single(report.Runs);
        Assert.Equal(8, run.Network.Nodes.Count);
        Assert.Equal(100, run.Result.AreaTotal);
        Assert.Equal(run.Result.PCnum / 10_000, run.Result.PC, 1e-15);
        var link = run.Links.Single(l => l.From == "KR-CWN" && l.To == "KR-SCB");
        Assert.Equal((0.5, 1, true, 0), (link.Probability, link.Individuals, link.FewIndividuals, link.AcrossGap));
    }

    [Fact]
    public async Task Two_runs_on_the_same_input_write_byte_identical_files_page_and_sensitivity_tables_included()
    {
        // The clock is the only thing a run may read besides its input: fixed here, every byte must repeat.
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 15, 9, 30, 0, TimeSpan.Zero));
        var inputs = Inputs();
        ConnectivityReport Compute() => ConnectivityReport.Compute(ConnectivityInputs.Create(inputs.Request with { Links = LinkChoice.Both, Sensitivity = true },
            inputs.Window, "Grus monacha", "Hooded Crane", Sites, [], Tracks()).Inputs!, time: time);
        using var files = new TestFiles();
        var first = Path.Combine(files.Folder, "first");
        var second = Path.Combine(files.Folder, "second");
        foreach (var folder in new[] { first, second })
        {
            var report = Compute();
            await ReportFiles.WriteAsync(report, folder);
            await HtmlReport.WriteAsync(report, folder);
        }

        var names = Directory.GetFiles(first).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["country_pairs.csv", "inputs.json", "links.geojson", "nodes.csv", "report.html", "sensitivity.csv",
            "sensitivity_settings.csv", "sites.geojson", "summary.csv"], names);
        foreach (var name in names)
        {
            var (a, b) = (await File.ReadAllBytesAsync(Path.Combine(first, name)), await File.ReadAllBytesAsync(Path.Combine(second, name)));
            Assert.True(a.AsSpan().SequenceEqual(b), name + " differs between two runs");
        }
        Assert.Contains("2026-01-15 09:30:00 UTC", await File.ReadAllTextAsync(Path.Combine(first, "report.html")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_candidate_site_is_in_the_ranking_the_files_and_on_the_map_with_its_location()
    {
        var report = ConnectivityReport.Compute(Inputs());
        using var files = new TestFiles();
        await ReportFiles.WriteAsync(report, files.Folder);
        var html = await HtmlReport.RenderAsync(report);

        // The DPRK stop of c5 (125.6 E, 39.6 N): the only stay at no known site.
        var row = Assert.Single(LinkChoiceTests.Csv(Path.Combine(files.Folder, "nodes.csv")), r => r["candidate"] == "true");
        double Degrees(string text) => Math.Round(double.Parse(text, System.Globalization.CultureInfo.InvariantCulture), 9);
        Assert.Equal(("candidate-1", 125.6, 39.6, "unnamed site candidate-1"), (row["site_code"], Degrees(row["longitude"]), Degrees(row["latitude"]), row["site_name"]));
        using var sites = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(files.Folder, "sites.geojson")));
        var feature = Assert.Single(sites.RootElement.GetProperty("features").EnumerateArray(),
            f => f.GetProperty("properties").GetProperty("candidate").GetBoolean());
        Assert.Equal([125.6, 39.6], feature.GetProperty("geometry").GetProperty("coordinates").EnumerateArray().Select(c => Math.Round(c.GetDouble(), 9)));
        Assert.Matches("<tr data-site=\"candidate-1\">[^\n]*<span class=\"badge candidate\"[^>]*>candidate</span> <span class=\"code loc\">125.600°E 39.600°N</span>", html);
        Assert.Contains("<circle class=\"site candidate\" data-site=\"candidate-1\"", html, StringComparison.Ordinal);
        Assert.Contains("data-legend=\"candidate\"", html, StringComparison.Ordinal);
        Assert.Matches("<table class=\"candidates\">[\\s\\S]*<tr data-site=\"candidate-1\"><td class=\"code\">candidate-1</td><td class=\"n\" data-value=\"[^\"]+\">125.600</td><td class=\"n\" data-value=\"[^\"]+\">39.600</td>", html);
    }
}
