using Neaspec.Survey.Portal.Accounts;
using Neaspec.Survey.Portal.Tests.TestUtilities;
using OpenQA.Selenium;

namespace Neaspec.Survey.Portal.Tests;

/// <summary>The portal as a field researcher uses it, in a real headless Chromium.</summary>
public sealed class BrowserTests(PortalHost host) : IClassFixture<PortalHost>, IDisposable
{
    private readonly Testing.TestFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public async Task A_researcher_signs_in_uploads_the_census_sees_it_accepted_then_sees_the_line_errors_of_a_bad_file()
    {
        await UploadTests.ImportSampleSitesAsync(host);
        await host.AddUserAsync("hkbws@example.org", "HKBWS", Roles.Researcher);
        using var browser = new Browser();
        var driver = browser.Driver;

        // A page that needs sign-in sends the visitor to sign in, and back afterwards.
        driver.Navigate().GoToUrl(new Uri(host.BaseAddress, "/Upload"));
        Assert.Contains("/Account/Login", driver.Url, StringComparison.Ordinal);
        driver.FindElement(By.Id("Email")).SendKeys("hkbws@example.org");
        driver.FindElement(By.Id("Password")).SendKeys(PortalHost.Password);
        browser.ClickAndWait(By.Id("sign-in"));
        Assert.Equal("Upload a file", driver.FindElement(By.TagName("h1")).Text);
        browser.Screenshot("upload-form");

        driver.FindElement(By.Id("File")).SendKeys(TestFiles.Sample("spoonbill-census-2025-01.csv"));
        browser.ClickAndWait(By.Id("upload"));
        Assert.Equal("succeeded", driver.FindElement(By.Id("outcome")).Text);
        Assert.Equal("9", driver.FindElement(By.Id("rows-accepted")).Text);
        Assert.Equal("0", driver.FindElement(By.Id("rows-rejected")).Text);
        browser.Screenshot("upload-accepted");

        var bad = files.Write("census-typos.csv",
            "site_code;date;species;count\nHK-MPO;2025-02-15;Platalea minor;12o\nHK-MPO;2025-02-31;Platalea minor;40\nXX-NOPE;2025-02-15;Platalea minor;3\n");
        driver.Navigate().GoToUrl(new Uri(host.BaseAddress, "/Upload"));
        driver.FindElement(By.Id("File")).SendKeys(bad);
        browser.ClickAndWait(By.Id("upload"));
        Assert.Equal("rejected", driver.FindElement(By.Id("outcome")).Text);
        var rows = driver.FindElements(By.CssSelector("#errors tbody tr"));
        var lines = rows.Select(r => r.FindElement(By.CssSelector("td")).Text).ToList();
        Assert.Contains("2", lines);
        Assert.Contains("3", lines);
        Assert.Contains("4", lines);
        Assert.Contains(rows, r => r.Text.Contains("12o", StringComparison.Ordinal));
        Assert.True(driver.FindElement(By.Id("error-report")).Displayed);
        browser.Screenshot("upload-rejected");

        browser.ClickAndWait(By.LinkText("Import history"));
        Assert.Equal(2, driver.FindElements(By.CssSelector("#history tbody tr")).Count);
        browser.Screenshot("import-history");
    }

    [Fact]
    public async Task An_analyst_runs_the_connectivity_report_from_the_form_and_sees_the_run_listed()
    {
        await UploadTests.ImportSampleSitesAsync(host);
        var counts = await host.Db.Database.ImportAsync(new Ingestion.Counts.CountImporter(), TestFiles.Sample("crane-counts-2024-2025.csv"));
        Assert.True(counts.Status is "succeeded" or "partial" or "unchanged", counts.Message);
        await host.AddUserAsync("analyst-browser@example.org", null, Roles.Analyst);
        using var browser = new Browser();
        var driver = browser.Driver;

        driver.Navigate().GoToUrl(new Uri(host.BaseAddress, "/Reports"));
        driver.FindElement(By.Id("Email")).SendKeys("analyst-browser@example.org");
        driver.FindElement(By.Id("Password")).SendKeys(PortalHost.Password);
        browser.ClickAndWait(By.Id("sign-in"));
        Assert.Equal("Reports", driver.FindElement(By.TagName("h1")).Text);
        Assert.Equal("50,100,250,500", driver.FindElement(By.Id("distances")).GetAttribute("value"));

        driver.FindElement(By.Id("species")).SendKeys("Grus monacha");
        driver.FindElement(By.CssSelector("#season option[value=winter]")).Click();
        var year = driver.FindElement(By.Id("year"));
        year.Clear();
        year.SendKeys("2025");
        browser.ClickAndWait(By.Id("run-connectivity"));

        Assert.Contains("Report ready", driver.FindElement(By.Id("report-message")).Text, StringComparison.Ordinal);
        var run = Assert.Single(driver.FindElements(By.CssSelector("#runs tbody tr")));
        Assert.Contains("Grus monacha", run.Text, StringComparison.Ordinal);
        Assert.True(run.FindElement(By.CssSelector("a.download-html")).Displayed);
        Assert.True(run.FindElement(By.CssSelector("a.download-zip")).Displayed);
        browser.Screenshot("connectivity-run");
    }
}
