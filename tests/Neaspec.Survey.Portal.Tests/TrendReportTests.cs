using System.Net;
using Neaspec.Survey.Ingestion.Counts;
using Neaspec.Survey.Portal.Accounts;
using Neaspec.Survey.Portal.Tests.TestUtilities;
using OpenQA.Selenium;

namespace Neaspec.Survey.Portal.Tests;

/// <summary>The population trend report from the portal: an analyst fills the form in a real browser and finds the run
/// listed with its downloads; bad input is answered on the page and leaves no run; admins edit the thresholds.</summary>
public sealed class TrendReportTests(PortalHost host) : IClassFixture<PortalHost>, IDisposable
{
    /// <summary>Five winters of Hooded Cranes at four sample sites (one fogged-out survey).</summary>
    private const string Winters = """
        site_code,date,species,count,notes
        JP-IZM,2021-01-10,Grus monacha,13200,
        JP-IZM,2022-01-09,Grus monacha,14100,
        JP-IZM,2023-01-15,Grus monacha,14500,
        JP-IZM,2024-01-14,Grus monacha,15300,
        JP-IZM,2025-01-12,Grus monacha,15800,
        KR-SCB,2021-01-10,Grus monacha,3100,
        KR-SCB,2022-01-09,Grus monacha,,fog
        KR-SCB,2023-01-15,Grus monacha,4200,
        KR-SCB,2024-01-14,Grus monacha,5400,
        KR-SCB,2025-01-12,Grus monacha,6980,
        KR-CWN,2021-01-10,Grus monacha,15,
        KR-CWN,2022-01-09,Grus monacha,9,
        KR-CWN,2023-01-15,Grus monacha,12,
        KR-CWN,2025-01-12,Grus monacha,12,
        CN-PYL,2021-01-10,Grus monacha,640,
        CN-PYL,2022-01-09,Grus monacha,600,
        CN-PYL,2023-01-15,Grus monacha,560,
        CN-PYL,2024-01-14,Grus monacha,530,
        CN-PYL,2025-01-12,Grus monacha,520,
        """;

    private readonly Testing.TestFiles files = new();

    public void Dispose() => files.Dispose();

    private async Task ImportWintersAsync()
    {
        await UploadTests.ImportSampleSitesAsync(host);
        var counts = await host.Db.Database.ImportAsync(new CountImporter(), files.Write("crane-winters.csv", Winters));
        Assert.True(counts.Status is "succeeded" or "unchanged", counts.Message);
    }

    [Fact]
    public async Task An_analyst_runs_the_trend_report_from_the_form_and_downloads_it()
    {
        await ImportWintersAsync();
        await host.AddUserAsync("trend-analyst@example.org", null, Roles.Analyst);
        using var browser = new Browser();
        var driver = browser.Driver;

        driver.Navigate().GoToUrl(new Uri(host.BaseAddress, "/Reports"));
        driver.FindElement(By.Id("Email")).SendKeys("trend-analyst@example.org");
        driver.FindElement(By.Id("Password")).SendKeys(PortalHost.Password);
        browser.ClickAndWait(By.Id("sign-in"));
        browser.ClickAndWait(By.LinkText("population trend (TRIM) and the sites above 1 % of the flyway population"));
        Assert.Equal("Population trend", driver.FindElement(By.TagName("h1")).Text);
        Assert.Equal("winter", driver.FindElement(By.Id("window")).GetAttribute("value"));
        Assert.True(driver.FindElement(By.Id("overdispersion")).Selected);

        driver.FindElement(By.Id("species")).SendKeys("흑두루미");
        var years = driver.FindElement(By.Id("years"));
        years.Clear();
        years.SendKeys("2021-2025");
        driver.FindElement(By.Id("serial")).Click();
        driver.FindElement(By.CssSelector("#covariate option[value=none]")).Click();
        browser.Screenshot("trend-form");
        browser.ClickAndWait(By.Id("run-trend"));

        var message = driver.FindElement(By.Id("report-message")).Text;
        Assert.Contains("Report ready: Grus monacha, 12-01..02-29 (winter), 2021-2025: 4 sites, 18 counted and 2 imputed site-years", message, StringComparison.Ordinal);
        var run = Assert.Single(driver.FindElements(By.CssSelector("#runs tbody tr")));
        Assert.Contains("TRIM model 3 (time effects), overdispersion", run.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("serial correlation", run.Text, StringComparison.Ordinal);
        ((IJavaScriptExecutor)driver).ExecuteScript("document.getElementById('runs').scrollIntoView()");
        browser.Screenshot("trend-run");

        // The links lead to the page and the zip (fetched as the same analyst, outside the browser).
        using var client = host.Client();
        await client.SignInAsync("trend-analyst@example.org", PortalHost.Password);
        var html = run.FindElement(By.CssSelector("a.download-html")).GetAttribute("href")!;
        var page = await client.GetStringAsync(new Uri(html).PathAndQuery);
        Assert.Contains("population trend report (TRIM)", page, StringComparison.OrdinalIgnoreCase);
        using var zip = await client.GetAsync(new Uri(run.FindElement(By.CssSelector("a.download-zip")).GetAttribute("href")!).PathAndQuery);
        Assert.Equal("application/zip", zip.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Bad_input_is_answered_on_the_page_and_leaves_no_run()
    {
        using var analyst = await host.SignedInAsync(null, Roles.Analyst);
        var token = await analyst.TokenAsync("/Reports/Trend");
        var before = host.StoredFiles().Count(f => f.StartsWith("reports/trend", StringComparison.Ordinal));

        using var response = await analyst.PostFormAsync("/Reports/Trend",
            [new("Species", "Dodo"), new("Window", "winter"), new("Years", "2025-2021"), new("TrimModel", "3"), new("Covariate", "auto"), new("Language", "en")], token);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("years: 2025-2021 runs backwards; give the first year first, e.g. 2021-2025", page, StringComparison.Ordinal);

        using var unknown = await analyst.PostFormAsync("/Reports/Trend",
            [new("Species", "Dodo"), new("Window", "13-01..02-28"), new("Years", "2021-2025"), new("TrimModel", "3"), new("Covariate", "auto"), new("Language", "en")], token);
        page = WebUtility.HtmlDecode(await unknown.Content.ReadAsStringAsync());
        Assert.Contains("species: 'Dodo' is not in the species catalogue", page, StringComparison.Ordinal);
        Assert.Equal(before, host.StoredFiles().Count(f => f.StartsWith("reports/trend", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_researcher_cannot_run_reports_and_only_admins_edit_thresholds()
    {
        using var researcher = await host.SignedInAsync("team", Roles.Researcher);
        Assert.Equal(HttpStatusCode.Redirect, (await researcher.GetAsync("/Reports/Trend")).StatusCode);
        using var analyst = await host.SignedInAsync(null, Roles.Analyst);
        Assert.Equal(HttpStatusCode.Redirect, (await analyst.GetAsync("/Admin/Thresholds")).StatusCode);

        using var admin = await host.SignedInAsync(null, Roles.Admin);
        var list = await admin.GetStringAsync("/Admin/Thresholds");
        Assert.Contains("global (East Asian wintering population)", list, StringComparison.Ordinal);
        Assert.Contains("7,081", list, StringComparison.Ordinal);
        var token = await admin.TokenAsync("/Admin/Thresholds");

        using var saved = await admin.PostFormAsync("/Admin/Thresholds?handler=Set",
            [new("Species", "두루미"), new("PopulationName", "mainland"), new("Estimate", "1700"), new("Source", "Example survey 2024"), new("Year", "2024")], token);
        Assert.Contains("Grus japonensis, mainland: 1,700 birds (2024), 1 % threshold 17.", WebUtility.HtmlDecode(await saved.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(17, await host.Db.ScalarAsync<int>("select one_percent_threshold from population_estimates where species = 'Grus japonensis' and population = 'mainland'"));

        using var refused = await admin.PostFormAsync("/Admin/Thresholds?handler=Set",
            [new("Species", "Grus japonensis"), new("PopulationName", "mainland"), new("Estimate", "1700"), new("Threshold", "1701"), new("Source", ""), new("Year", "2024")], token);
        var page = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("threshold: '1701' must be above 0 and at most the estimate", page, StringComparison.Ordinal);
        Assert.Contains("source: '' is empty", page, StringComparison.Ordinal);

        using var deleted = await admin.PostFormAsync("/Admin/Thresholds?handler=Delete", [new("species", "Grus japonensis"), new("population", "mainland")], token);
        Assert.Equal(0L, await host.Db.ScalarAsync<long>("select count(*) from population_estimates where species = 'Grus japonensis'"));
    }
}
