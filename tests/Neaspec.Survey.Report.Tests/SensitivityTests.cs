using Neaspec.Survey.Connectivity;

namespace Neaspec.Survey.Report.Tests;

/// <summary>
/// The sensitivity run on a scenario whose answer is worked out by hand: one threshold (the distance from a stay to a
/// site point) decides whether two birds' stops near site Z belong to Z or form a candidate site, and with it whether
/// Z ranks above or below Y.
/// </summary>
public sealed class SensitivityTests
{
    private static readonly SeasonWindow Winter2025 = TelemetrySample.Winter2025;

    private static ReportSite Site(string code, double lon, double lat) => new(code, new Dictionary<string, string> { ["en"] = code }, "KR", lon, lat);

    // Three counted sites hundreds of km apart: X 100 birds, Y 30, Z 25.
    private static readonly Dictionary<string, ReportSite> Sites = new[] { Site("X", 130, 32), Site("Y", 127.5, 35), Site("Z", 120, 30) }
        .ToDictionary(s => s.Code, StringComparer.Ordinal);

    private static readonly CountUsed[] Counts =
        [TelemetrySample.Count("X", "2025-01-12", 100), TelemetrySample.Count("Y", "2025-01-12", 30), TelemetrySample.Count("Z", "2025-01-12", 25)];

    /// <summary>Three birds leave X: b1 for Y, b2 and b3 for a place 15 km north of Z's point. Four-day stays, a fix
    /// every 6 h at the stay's point, so no stay radius, minimum stay (12-48 h) or maximum gap (12-48 h) of the grid
    /// changes a stay; only the site distance decides where the two stops near Z belong.</summary>
    private static List<Fix> Tracks()
    {
        var nearZ = (Lon: 120.0, Lat: 30 + (15 / CraneTrack.KmPerDegree));
        var fixes = new List<Fix>();
        void Stay(string bird, (double Lon, double Lat) at, DateTime from)
        {
            for (var h = 0; h <= 96; h += 6)
            {
                fixes.Add(new Fix(bird, from.AddHours(h), at.Lon, at.Lat));
            }
        }
        var start = new DateTime(2024, 12, 5, 0, 0, 0, DateTimeKind.Utc);
        foreach (var bird in new[] { "b1", "b2", "b3" })
        {
            Stay(bird, (130, 32), start);
            Stay(bird, bird == "b1" ? (127.5, 35) : nearZ, start.AddDays(5));
        }
        return fixes;
    }

    private static ConnectivityReport Report() => ConnectivityReport.Compute(ConnectivityInputs.Create(
        SampleDatabase.HoodedCrane() with { Links = LinkChoice.Telemetry, Sensitivity = true }, Winter2025, "Grus monacha", "Hooded Crane",
        Sites, Counts, Tracks()).Inputs!);

    [Fact]
    public void Doubling_the_site_distance_moves_two_birds_to_Z_and_Z_above_Y()
    {
        // Baseline (site distance 10 km): the stops 15 km from Z form candidate-1 (weight 0). Links X -> Y p = 1/3,
        // X -> candidate p = 2/3 (three birds at X, all moved). PCnum = 100² + 30² + 25² + 100·30·(1/3) = 11,525 + 1,000
        // = 12,525. dPC: X = (10,000 + 1,000) / 12,525 = 87.82 %, Y = (900 + 1,000) / 12,525 = 15.17 %,
        // Z = 625 / 12,525 = 4.99 %, candidate 0: ranks X 1, Y 2, Z 3, candidate 4.
        // Site distance 20 km: the stops belong to Z. X -> Z p = 2/3 adds 100·25·(2/3) = 1,666.67: PCnum = 14,191.67;
        // dPC Y = 1,900 / 14,191.67 = 13.39 %, Z = (625 + 1,666.67) / 14,191.67 = 16.15 %: ranks X 1, Z 2, Y 3, no candidate.
        // Kendall's tau-b over the rows (X, Y, Z, candidate; dPC 0 where absent): of 6 pairs only (Y, Z) is discordant:
        // (5 - 1) / 6 = 2/3.
        var s = Report().Sensitivity!;

        Assert.Equal(11, s.Settings.Count);
        Assert.Equal(4, s.K); // min(5, 4 sites)
        Assert.Equal(["X", "Y", "Z", "candidate-1"], s.Rows.Select(r => r.Code));
        var wider = s.Settings.ToList().FindIndex(x => x.Setting.Parameter == "site-distance-km" && x.Setting.Value == 20);
        Assert.Equal([1, 3, 2, null], s.Rows.Select(r => r.Ranks[wider]));
        Assert.Equal([1, 2, 3, 4], s.Rows.Select(r => r.Ranks[0]));
        Assert.Equal(100 * 11_000 / 12_525.0, s.Rows[0].Dpc[0]!.Value, 9);
        Assert.Equal(100 * 1_900 / 12_525.0, s.Rows[1].Dpc[0]!.Value, 9);
        Assert.Equal(100 * (625 + (2_500 * 2 / 3.0)) / (11_525 + 1_000 + (2_500 * 2 / 3.0)), s.Rows[2].Dpc[wider]!.Value, 9);
        Assert.Equal(2 / 3.0, s.Settings[wider].TauB, 12);
        Assert.Equal((3, 0, 2, 3), (s.Settings[wider].Nodes, s.Settings[wider].Candidates, s.Settings[wider].Links, s.Settings[wider].Moves));
        Assert.Equal(3, s.Settings[wider].TopKSame); // X, Y, Z stay in the top 4; the candidate is gone (3 moves, 2 links)

        // Every other setting finds the same stays and sites as the baseline: the same ranking, tau = 1.
        Assert.All(s.Settings.Where((_, k) => k != wider), x => Assert.Equal(1, x.TauB, 12));
        Assert.All(s.Rows, r => Assert.Equal(r.Ranks[0], r.Ranks[1]));
        // X, Y, Z are in the top 4 under all 11 settings; the candidate in 10 of 11.
        Assert.Equal([1, 1, 1, 10 / 11.0], s.Rows.Select(r => r.TopKShare));
    }

    [Fact]
    public async Task The_page_shows_the_grid_and_the_ranks_and_the_files_hold_every_value()
    {
        var report = Report();
        using var files = new TestFiles();
        await ReportFiles.WriteAsync(report, files.Folder);
        var html = await HtmlReport.RenderAsync(report);

        Assert.Contains("<section id=\"sensitivity\">", html, StringComparison.Ordinal);
        Assert.Contains("<th class=\"n\">site dist. 20 km</th>", html, StringComparison.Ordinal);
        // Z's row: rank 3 in the baseline, 2 (shaded: it moved) under the wider site distance.
        Assert.Matches("<tr data-site=\"Z\">.*<td class=\"n moved\" data-setting=\"8\" data-value=\"2\">2</td>", html);
        var settings = LinkChoiceTests.Csv(Path.Combine(files.Folder, "sensitivity_settings.csv"));
        Assert.Equal(11, settings.Count);
        Assert.Equal("0.6666666666666666", settings.Single(r => r["parameter"] == "site-distance-km" && r["value"] == "20")["kendall_tau_b"]);
        var sites = LinkChoiceTests.Csv(Path.Combine(files.Folder, "sensitivity.csv"));
        Assert.Equal(11 * 4, sites.Count);
        Assert.Equal("", sites.Single(r => r["site_code"] == "candidate-1" && r["setting"] == "8")["rank"]);
    }
}
