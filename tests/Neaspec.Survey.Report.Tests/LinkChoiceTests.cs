using System.Text.Json;
using System.Text.RegularExpressions;
using Neaspec.Survey.Connectivity;

namespace Neaspec.Survey.Report.Tests;

/// <summary>Which links a report uses and why (never a silent switch), and the counted sites that no tagged bird
/// visited, in every output. No database: the inputs are built from values.</summary>
public sealed class LinkChoiceTests : IDisposable
{
    private readonly TestFiles files = new();

    public void Dispose() => files.Dispose();

    /// <summary>Two birds, two-day stays with a fix every 6 h (9 fixes each, 45 in all): a: Izumi (2 Dec) -> Suncheon
    /// (10 Dec) -> Cheorwon (20 Dec); b: Izumi (2 Jan) -> Suncheon (10 Jan). Three moves, all in winter 2025, each
    /// across a silence of six or more days (over the 24 h maximum gap).</summary>
    private static List<Fix> TwoBirds() => TelemetrySample.Stays(("a", "JP-IZM", "2024-12-02"), ("a", "KR-SCB", "2024-12-10"),
        ("a", "KR-CWN", "2024-12-20"), ("b", "JP-IZM", "2025-01-02"), ("b", "KR-SCB", "2025-01-10"));

    private static InputsResult Inputs(ReportRequest request, IReadOnlyList<Fix> fixes) => ConnectivityInputs.Create(request,
        TelemetrySample.Winter2025, "Grus monacha", "Hooded Crane", TelemetrySample.Sites, TelemetrySample.Counts, fixes);

    [Fact]
    public void Without_links_asked_a_season_with_tracks_gets_both_and_says_why()
    {
        var inputs = Inputs(SampleDatabase.HoodedCrane(), TwoBirds()).Inputs!;

        Assert.Equal(new LinkDecision(LinkChoice.Both, false,
            "default: the season has tracks (45 fixes of 2 tagged birds, 3 moves between sites in the season), so telemetry links, with distance decay beside them for comparison"),
            inputs.Links);
        var report = ConnectivityReport.Compute(inputs);
        Assert.Equal(["telemetry", "distance decay", "distance decay", "distance decay", "distance decay"], report.Runs.Select(r => r.Source));
        // The same nodes in every run: the counted sites and Cheorwon, where bird a stayed (not counted: weight 0).
        Assert.All(report.Runs, r => Assert.Equal(["CN-PYL", "JP-IZM", "KR-CWN", "KR-SCB"], r.Network.Nodes.Select(n => n.Id)));
    }

    [Fact]
    public void Without_tracks_the_default_is_distance_decay_and_says_so()
    {
        var inputs = Inputs(SampleDatabase.HoodedCrane(), []).Inputs!;

        Assert.Equal(LinkChoice.Distance, inputs.Links.Choice);
        Assert.False(inputs.Links.Asked);
        Assert.Equal("default: no tracks of Grus monacha in winter 2025 (2024-12-01 to 2025-02-28), so distance decay only", inputs.Links.Reason);
        Assert.Null(inputs.UnvisitedSites);
    }

    [Theory]
    [InlineData(LinkChoice.Telemetry, new[] { "telemetry" })]
    [InlineData(LinkChoice.Distance, new[] { "d50km", "d100km", "d250km", "d500km" })]
    [InlineData(LinkChoice.Both, new[] { "telemetry", "d50km", "d100km", "d250km", "d500km" })]
    public void Asked_links_are_the_runs(LinkChoice links, string[] runs)
    {
        var inputs = Inputs(SampleDatabase.HoodedCrane() with { Links = links }, TwoBirds()).Inputs!;

        Assert.True(inputs.Links.Asked);
        Assert.StartsWith($"--links {LinkDecision.Option(links)} as asked", inputs.Links.Reason, StringComparison.Ordinal);
        Assert.Equal(runs, ConnectivityReport.Compute(inputs).Runs.Select(r => r.Key));
    }

    [Fact]
    public void Telemetry_or_a_sensitivity_run_without_tracks_is_a_problem_not_a_silent_switch()
    {
        var telemetry = Inputs(SampleDatabase.HoodedCrane() with { Links = LinkChoice.Telemetry }, []);
        var sensitivity = Inputs(SampleDatabase.HoodedCrane() with { Links = LinkChoice.Distance, Sensitivity = true }, TwoBirds());

        Assert.Null(telemetry.Inputs);
        Assert.Equal("--links telemetry: no telemetry fixes of Grus monacha in winter 2025 (2024-12-01 to 2025-02-28); use --links distance or leave --links out",
            Assert.Single(telemetry.Problems));
        Assert.StartsWith("--sensitivity: ", Assert.Single(sensitivity.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Counted_sites_no_tagged_bird_visited_are_listed_on_the_page_in_nodes_csv_and_inputs_json()
    {
        // Counted in the window: Izumi, Suncheon and Poyang (a real 0); Cheorwon's only survey was fogged out (not
        // counted). The birds stayed at Izumi (a, b), Suncheon (a, b) and Cheorwon (a). So Poyang alone is counted and
        // unvisited; Cheorwon is visited but not counted.
        var report = ConnectivityReport.Compute(Inputs(SampleDatabase.HoodedCrane(), TwoBirds()).Inputs!);
        var folder = Path.Combine(files.Folder, "unvisited");
        await ReportFiles.WriteAsync(report, folder);
        await HtmlReport.WriteAsync(report, folder);

        Assert.Equal(["CN-PYL"], report.Inputs.UnvisitedSites);
        Assert.Equal(new Dictionary<string, int> { ["JP-IZM"] = 2, ["KR-CWN"] = 1, ["KR-SCB"] = 2 }, report.Inputs.TaggedBirds);

        var rows = Csv(Path.Combine(folder, "nodes.csv"));
        Assert.Equal(5 * 4, rows.Count);
        Assert.All(rows, r => Assert.Equal(r["site_code"] == "CN-PYL" ? "true" : "false", r["unvisited_by_tagged_birds"]));
        Assert.All(rows, r => Assert.Equal(r["site_code"] switch { "CN-PYL" => "0", "KR-CWN" => "1", _ => "2" }, r["tagged_birds"]));

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "inputs.json")));
        Assert.Equal(["CN-PYL"], json.RootElement.GetProperty("unvisited_by_tagged_birds").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("both", json.RootElement.GetProperty("links").GetProperty("used").GetString());
        Assert.StartsWith("default: the season has tracks", json.RootElement.GetProperty("links").GetProperty("reason").GetString(), StringComparison.Ordinal);

        var html = await File.ReadAllTextAsync(Path.Combine(folder, "report.html"));
        Assert.Matches("<ul class=\"unvisited\">\\s*<li data-site=\"CN-PYL\">Poyang <span class=\"code\">CN-PYL</span> — weight 0</li>\\s*</ul>", html);
        // In each of the five runs' rankings, Poyang's row says so.
        Assert.Equal(5, Regex.Matches(html, "<tr data-site=\"CN-PYL\">[^\\n]*class=\"badge unvisited\"").Count);
        Assert.DoesNotMatch("<tr data-site=\"(?!CN-PYL)[^\"]+\">[^\\n]*class=\"badge unvisited\"", html);
        Assert.Contains("<tr data-param=\"links\"><th>links</th><td>telemetry and distance decay — default: the season has tracks", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_link_in_links_geojson_carries_its_birds_the_weak_flag_and_the_gap_count()
    {
        var report = ConnectivityReport.Compute(Inputs(SampleDatabase.HoodedCrane() with { DistancesKm = [250] }, TwoBirds()).Inputs!);
        var folder = Path.Combine(files.Folder, "links");
        await ReportFiles.WriteAsync(report, folder);

        using var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "links.geojson")));
        var links = json.RootElement.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("properties")).ToList();
        foreach (var name in new[] { "from_site", "to_site", "individuals", "p", "source", "few_individuals", "across_gap", "present" })
        {
            Assert.All(links, l => Assert.True(l.TryGetProperty(name, out _), name + " missing"));
        }
        var telemetry = links.Where(l => l.GetProperty("source").GetString() == "telemetry")
            .ToDictionary(l => (l.GetProperty("from_site").GetString(), l.GetProperty("to_site").GetString()));
        // Izumi -> Suncheon: both birds present at Izumi moved there (p = 2/2), fewer than 3 birds, both after a silence
        // of six days; Suncheon -> Cheorwon: a alone, of a and b at Suncheon (b's track ends there: unknown, left out), so
        // p = 1/1.
        Assert.Equal(2, telemetry.Count);
        var izumi = telemetry[("JP-IZM", "KR-SCB")];
        Assert.Equal((2, 2, 1.0, true, 2), (izumi.GetProperty("individuals").GetInt32(), izumi.GetProperty("present").GetInt32(),
            izumi.GetProperty("p").GetDouble(), izumi.GetProperty("few_individuals").GetBoolean(), izumi.GetProperty("across_gap").GetInt32()));
        var suncheon = telemetry[("KR-SCB", "KR-CWN")];
        Assert.Equal((1, 1, 1.0, true, 1), (suncheon.GetProperty("individuals").GetInt32(), suncheon.GetProperty("present").GetInt32(),
            suncheon.GetProperty("p").GetDouble(), suncheon.GetProperty("few_individuals").GetBoolean(), suncheon.GetProperty("across_gap").GetInt32()));
        var decay = links.Where(l => l.GetProperty("source").GetString() == "distance decay").ToList();
        Assert.NotEmpty(decay);
        Assert.All(decay, l => Assert.Equal(JsonValueKind.Null, l.GetProperty("individuals").ValueKind));
        Assert.All(decay, l => Assert.Equal(JsonValueKind.Null, l.GetProperty("few_individuals").ValueKind));

        // On the map both telemetry links are dashed as weak; the legend says what the dashes mean.
        var html = await HtmlReport.RenderAsync(report);
        var panel = html[html.IndexOf("id=\"panel-telemetry\"", StringComparison.Ordinal)..html.IndexOf("id=\"panel-d250km\"", StringComparison.Ordinal)];
        Assert.Equal(2, Regex.Matches(panel, "<path class=\"link weak\"").Count);
        Assert.Contains("data-legend=\"weak\">dashed: fewer than 3 tagged birds", panel, StringComparison.Ordinal);
        Assert.DoesNotContain("transitions / departures", html, StringComparison.Ordinal);
    }

    /// <summary>A CSV the report wrote (no quoted commas in these files' values), as rows by column name.</summary>
    internal static List<Dictionary<string, string>> Csv(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(l => l.Split(',')).Select(f => header.Zip(f).ToDictionary(x => x.First, x => x.Second)).ToList();
    }
}
