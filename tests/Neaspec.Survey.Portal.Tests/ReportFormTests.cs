using System.IO.Compression;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Neaspec.Survey.Ingestion.Counts;
using Neaspec.Survey.Ingestion.Tracks;
using Neaspec.Survey.Portal.Accounts;
using Neaspec.Survey.Portal.Tests.TestUtilities;
using Microsoft.Extensions.DependencyInjection;
using Neaspec.Survey.Storage.Model;

namespace Neaspec.Survey.Portal.Tests;

/// <summary>The report form's links and thresholds: what an analyst sets reaches the report (its inputs.json and page),
/// and bad values come back as messages in the form's words, with nothing run.</summary>
public sealed class ReportFormTests(PortalHost host) : IClassFixture<PortalHost>
{
    private async Task LoadAsync()
    {
        await UploadTests.ImportSampleSitesAsync(host);
        var counts = await host.Db.Database.ImportAsync(new CountImporter(), TestFiles.Sample("crane-counts-2024-2025.csv"));
        Assert.True(counts.Status is "succeeded" or "unchanged", counts.Message);
        // One tagged Hooded Crane, hourly: 48 h at Suncheon Bay from 5 Dec 2024, 48 h at Cheorwon, 48 h back at Suncheon.
        var csv = MovebankCsv.HourlyStays("HC-P1", "Grus monacha", "Portal test", new DateTime(2024, 12, 5, 0, 0, 0, DateTimeKind.Utc),
            (0, 48, 127.51, 34.88), (56, 48, 127.22, 38.25), (112, 48, 127.51, 34.88));
        using var files = new TestFiles();
        var tracks = await host.Db.Database.ImportAsync(new TrackImporter(), files.Write("track.csv", csv));
        Assert.True(tracks.Status is ImportStatus.Succeeded or ImportStatus.Unchanged, tracks.Message);
    }

    private static IEnumerable<KeyValuePair<string, string>> Form(params (string Name, string Value)[] extra) =>
        new[] { ("Species", "Grus monacha"), ("Season", "winter"), ("Year", "2025"), ("Distances", "100,250"), ("Language", "en") }
            .Concat(extra).Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2));

    [Fact]
    public async Task The_links_and_thresholds_posted_reach_the_report()
    {
        await LoadAsync();
        using var analyst = await host.SignedInAsync(null, Roles.Analyst);
        var token = await analyst.TokenAsync("/Reports");

        using var run = await analyst.PostFormAsync("/Reports?handler=Connectivity", Form(("Links", "telemetry"), ("StayRadiusKm", "5"),
            ("MinStayHours", "36"), ("MaxGapHours", "12"), ("SiteDistanceKm", "3"), ("ClusterDistanceKm", "30"), ("Window", "12-01..01-31"),
            ("TimeZone", "Asia/Seoul"), ("AreaTotal", "50000"), ("Sensitivity", "true")), token);

        var page = await run.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        Assert.Contains("id=\"report-message\"", page, StringComparison.Ordinal);
        Assert.Contains("links from telemetry", page, StringComparison.Ordinal);
        var zipLink = WebUtility.HtmlDecode(Regex.Match(page, "href=\"(/Reports\\?handler=Download&amp;run=[0-9a-f]{32}&amp;file=zip)\"").Groups[1].Value);
        using var zip = new ZipArchive(await (await analyst.GetAsync(zipLink)).Content.ReadAsStreamAsync());
        string Entry(string name)
        {
            using var reader = new StreamReader(zip.GetEntry(name)!.Open());
            return reader.ReadToEnd();
        }
        using var json = JsonDocument.Parse(Entry("inputs.json"));
        var root = json.RootElement;
        var t = root.GetProperty("thresholds");
        Assert.Equal((5.0, 36.0, 12.0, 3.0, 30.0), (t.GetProperty("stay_radius_km").GetDouble(), t.GetProperty("min_stay_hours").GetDouble(),
            t.GetProperty("max_gap_hours").GetDouble(), t.GetProperty("site_distance_km").GetDouble(), t.GetProperty("cluster_distance_km").GetDouble()));
        Assert.Equal(("telemetry", true), (root.GetProperty("links").GetProperty("used").GetString(), root.GetProperty("links").GetProperty("asked").GetBoolean()));
        Assert.Equal(("2024-12-01", "2025-01-31", "Asia/Seoul"), (root.GetProperty("window").GetProperty("from").GetString(),
            root.GetProperty("window").GetProperty("to").GetString(), root.GetProperty("window").GetProperty("time_zone").GetString()));
        Assert.Equal(50000, root.GetProperty("area_total").GetDouble());
        Assert.Equal(11, root.GetProperty("sensitivity").GetProperty("settings").GetArrayLength());
        Assert.NotNull(zip.GetEntry("sensitivity.csv"));
        Assert.Contains("<tr data-option=\"stay-radius-km\"><td class=\"code\">--stay-radius-km</td>", Entry("report.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_values_come_back_in_the_forms_words_and_nothing_is_run()
    {
        using var analyst = await host.SignedInAsync(null, Roles.Analyst);
        var token = await analyst.TokenAsync("/Reports");
        var runs = Path.Combine(host.Services.GetRequiredService<PortalOptions>().ReportsFolder, "connectivity");
        int Runs() => Directory.Exists(runs) ? Directory.EnumerateDirectories(runs).Count() : 0;
        var before = Runs();

        using var response = await analyst.PostFormAsync("/Reports?handler=Connectivity", Form(("Links", "sideways"), ("StayRadiusKm", "ten"),
            ("MaxGapHours", "0"), ("ClusterDistanceKm", "900"), ("Window", "02-30..03-01"), ("TimeZone", "Mars"), ("AreaTotal", "-3")), token);

        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("id=\"report-problems\"", html, StringComparison.Ordinal);
        foreach (var message in new[]
        {
            "links: 'sideways' is not one of telemetry, distance, both",
            "stay radius: 'ten' is not a number of km (e.g. 10; a dot for decimals)",
            "maximum gap: 0 is out of range; give from 1 to 720 hours",
            "candidate clustering distance: 900 is out of range; give from 0 to 500 km",
            "window: '02-30..03-01' is not a window MM-DD..MM-DD",
            "time zone: 'Mars' is not a time zone",
            "A_L (area total): -3 is not a positive number",
        })
        {
            Assert.Contains(message, html, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("--", Regex.Match(html, "id=\"report-problems\"[\\s\\S]*?</div>").Value, StringComparison.Ordinal);
        Assert.Equal(before, Runs());
    }
}
