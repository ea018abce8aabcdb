using System.Globalization;
using System.Text.RegularExpressions;
using Neaspec.Survey.Report.Trends;
using Neaspec.Survey.Trends;

namespace Neaspec.Survey.Report.Tests;

/// <summary>The trend report page rendered from the database's counts: every part is there, the heat map tells counted
/// from imputed cells as the hand-written table says, the numbers in the tables are the fit's, names from uploads are
/// text, and the page needs no script or web request.</summary>
public sealed partial class TrendReportTests(TrendDatabase data) : IClassFixture<TrendDatabase>
{
    private static readonly TrendOptions Model3 = new() { Model = TrendModel.TimeEffects, Overdispersion = true };

    [Fact]
    public async Task The_page_has_every_part_and_the_heat_map_tells_counted_from_imputed()
    {
        var report = await data.ReportAsync(TrendDatabase.Request(Model3) with { Language = "ko" });
        var html = await TrendHtmlReport.RenderAsync(report);

        foreach (var id in new[] { "index", "slope", "site-years", "strata", "thresholds", "inputs" })
        {
            Assert.Contains($"<section id=\"{id}\">", html, StringComparison.Ordinal);
        }
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("http://", html.Replace("http://www.w3.org/2000/svg", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("<html lang=\"ko\">", html, StringComparison.Ordinal);
        Assert.Contains("<title>저어새 — population trend 2019–2024</title>", html, StringComparison.Ordinal);
        Assert.Contains("polygon class=\"band\"", html, StringComparison.Ordinal);

        // The heat map: 5 sites x 6 winters, each cell as the hand-written table has it (TrendDatabase.SiteYearsCsv).
        var cells = Cells(html);
        Assert.Equal(5 * 6, cells.Count);
        Assert.Equal(("observed", "3500"), cells[("TW-ZWE", 2024)]);
        Assert.Equal(("observed", "300"), cells[("HK-MPO", 2023)]);
        Assert.Equal("imputed", cells[("HK-MPO", 2020)].Kind);   // no access: not counted, filled by the model
        Assert.Equal("imputed", cells[("HK-MPO", 2022)].Kind);   // no survey at all
        Assert.Equal(("zero", "0"), cells[("JP-HKB", 2021)]);
        Assert.Equal("imputed", cells[("KR-NEW1", 2019)].Kind);
        Assert.Equal(("missing", ""), cells[("VN-XTH", 2022)]); // a site without a positive count is not in the trend
        var fitted = report.Result.SiteSeries.Single(s => s.Site == "HK-MPO").Fitted[2022 - 2019];
        Assert.Equal(fitted, double.Parse(cells[("HK-MPO", 2022)].Value, CultureInfo.InvariantCulture));
        // Hatched = imputed: HK-MPO 2020 and 2022, KR-NEW1 2019, 2020 and 2023; TW-ZWE and JP-HKB were counted every winter.
        Assert.Equal(5, Regex.Matches(html, "<rect class=\"hatch\"").Count);
        Assert.Equal(5, report.Result.MissingCounts);
        Assert.Contains("(provisional) · KR-NEW1", html, StringComparison.Ordinal);
        Assert.Contains("Sites left out", html, StringComparison.Ordinal);

        // The year table holds the fit's numbers exactly.
        foreach (var y in report.Result.YearTotals)
        {
            var row = Regex.Match(html, $"<tr data-year=\"{y.Year}\">.*?</tr>", RegexOptions.Singleline).Value;
            Assert.Equal(y.ImputedIndex, Value(row, "imputed_index"));
            Assert.Equal(y.ImputedTotal, Value(row, "imputed_total"));
            Assert.Equal(y.ModelIndexSe, Value(row, "model_index_se"));
        }
        var imputed = Regex.Match(html, "<tr data-slope=\"imputed\">.*?</tr>", RegexOptions.Singleline).Value;
        Assert.Equal(report.Result.ImputedSlope!.Multiplicative, Value(imputed, "multiplicative"));
        Assert.Contains(report.Result.ImputedSlope.Class.ToText(), imputed, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_one_percent_table_lists_the_sites_that_reached_the_threshold_with_their_verdict()
    {
        var html = await TrendHtmlReport.RenderAsync(await data.ReportAsync(TrendDatabase.Request(Model3)));
        var table = Regex.Match(html, "<section id=\"thresholds\">.*?</section>", RegexOptions.Singleline).Value;

        // 1 % = 71 (the seeded census figure): only TW-ZWE (6 of 6) and HK-MPO (4 of 4) ever reached it, both regularly.
        Assert.Contains("data-population=\"global (East Asian wintering population)\"", table, StringComparison.Ordinal);
        Assert.Contains("<td data-value=\"71\">71 birds</td>", table, StringComparison.Ordinal);
        var rows = Regex.Matches(table, "<tr data-site=\"(?<site>[^\"]+)\" data-regularly=\"(?<r>[^\"]*)\">").Select(m => (m.Groups["site"].Value, m.Groups["r"].Value)).ToList();
        Assert.Equal([("TW-ZWE", "yes"), ("HK-MPO", "yes")], rows);
        Assert.Contains("3 other site(s) never reached 1 %", table, StringComparison.Ordinal);
        // HK-MPO's strip: 2019 >= 1 %, 2020 no adequate data (not counted), 2021 >= 1 %, 2022 none (no survey), 2023, 2024 >= 1 %.
        var strip = Regex.Matches(Regex.Match(table, "<tr data-site=\"HK-MPO\".*?</tr>", RegexOptions.Singleline).Value, "class=\"season (?<c>t[0-9n]+)\"").Select(m => m.Groups["c"].Value);
        Assert.Equal(["t1", "tn", "t1", "tn", "t1", "t1"], strip);
    }

    [Fact]
    public async Task Strata_curves_and_no_thresholds_read_as_they_should()
    {
        var byCountry = await data.ReportAsync(TrendDatabase.Request(new TrendOptions { Model = TrendModel.LinearTrend }, byCountry: true));
        var html = await TrendHtmlReport.RenderAsync(byCountry);
        Assert.Equal(4, Regex.Matches(html, "<polyline class=\"stratum\"").Count);
        Assert.Equal(["HK", "JP", "KR", "TW"], Regex.Matches(html, "<tr data-stratum=\"(?<c>[^\"]+)\"").Select(m => m.Groups["c"].Value));

        var flyway = await data.ReportAsync(TrendDatabase.Request(Model3));
        Assert.Contains("id=\"no-strata\"", await TrendHtmlReport.RenderAsync(flyway), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Names_from_uploads_are_text_in_the_page()
    {
        var report = await data.ReportAsync(TrendDatabase.Request(Model3));
        var evil = new Dictionary<string, ReportSite>(StringComparer.Ordinal);
        foreach (var (code, site) in report.Inputs.Sites)
        {
            evil[code] = site with { Names = new Dictionary<string, string> { ["en"] = "<script>alert(1)</script>" } };
        }
        var inputs = TrendInputs.Create(report.Inputs.Request, report.Inputs.Season, report.Inputs.Species, "<b>spoonbill</b>", evil,
            report.Inputs.Values.Select(v => new Connectivity.CountRecord(v.Site, report.Inputs.Species, report.Inputs.WindowOf(v.Year).To, v.Count)).ToList(),
            report.Inputs.Thresholds).Inputs!;

        var html = await TrendHtmlReport.RenderAsync(TrendReport.Compute(inputs).Report!);

        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>spoonbill", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    /// <summary>Heat-map cells by (site, year): data-kind and data-value.</summary>
    private static Dictionary<(string Site, int Year), (string Kind, string Value)> Cells(string html)
    {
        var cells = new Dictionary<(string, int), (string, string)>();
        foreach (Match row in HeatRow().Matches(html))
        {
            foreach (Match cell in HeatCell().Matches(row.Groups["cells"].Value))
            {
                cells.Add((row.Groups["site"].Value, int.Parse(cell.Groups["year"].Value, CultureInfo.InvariantCulture)),
                    (cell.Groups["kind"].Value, cell.Groups["value"].Value));
            }
        }
        return cells;
    }

    private static double Value(string row, string column) =>
        double.Parse(Regex.Match(row, $"data-col=\"{column}\" data-value=\"(?<v>[^\"]+)\"").Groups["v"].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex("<g class=\"heat-row\" data-site=\"(?<site>[^\"]+)\">(?<cells>.*?)</g>", RegexOptions.Singleline)]
    private static partial Regex HeatRow();

    [GeneratedRegex("data-year=\"(?<year>\\d+)\" data-kind=\"(?<kind>[a-z]+)\" data-value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HeatCell();
}
