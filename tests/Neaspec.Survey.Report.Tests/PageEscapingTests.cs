namespace Neaspec.Survey.Report.Tests;

/// <summary>Names come from uploads: in report.html they are text, never markup, wherever they appear (title,
/// map tooltips and labels, tables, plots); names in other scripts stay readable in the file.</summary>
public sealed class PageEscapingTests
{
    [Fact]
    public async Task Markup_in_a_site_name_or_code_is_text_and_hangul_stays_as_it_is()
    {
        const string name = "<script>alert(\"x\")</script>";
        var sites = new Dictionary<string, ReportSite>(StringComparer.Ordinal)
        {
            ["A\"><blink>"] = new("A\"><blink>", new Dictionary<string, string> { ["en"] = name, ["ko"] = name }, "KR", 127.5, 34.9),
            ["B"] = new("B", new Dictionary<string, string> { ["en"] = "Suncheon", ["ko"] = "순천만" }, "KR", 127.2, 38.2),
        };
        CountUsed[] counts =
        [
            new("A\"><blink>", new DateOnly(2025, 1, 12), null, 100, null, "<i>upload</i>.csv", "ab", 2),
            new("B", new DateOnly(2025, 1, 12), null, 50, null, "f.csv", "ab", 3),
        ];
        var request = SampleDatabase.HoodedCrane("ko") with { DistancesKm = [100] };
        var inputs = ConnectivityInputs.Create(request, TelemetrySample.Winter2025, "Grus monacha", "<u>흑두루미</u>", sites, counts, []).Inputs!;

        var html = await HtmlReport.RenderAsync(ConnectivityReport.Compute(inputs));

        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<blink", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<u>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>upload", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("data-site=\"A&quot;&gt;&lt;blink&gt;\"", html, StringComparison.Ordinal);
        // Hangul is written as it is, not as character references.
        Assert.Contains(">순천만</text>", html, StringComparison.Ordinal);
        Assert.Contains("<title>&lt;u&gt;흑두루미&lt;/u&gt; — connectivity, winter 2025</title>", html, StringComparison.Ordinal);
    }
}
