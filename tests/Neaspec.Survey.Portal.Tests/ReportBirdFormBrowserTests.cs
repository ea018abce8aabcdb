using Neaspec.Survey.Ingestion.Tracks;
using Neaspec.Survey.Portal.Accounts;
using Neaspec.Survey.Portal.Tests.TestUtilities;
using Neaspec.Survey.Storage.Model;
using Neaspec.Survey.Testing;
using OpenQA.Selenium;

namespace Neaspec.Survey.Portal.Tests;

/// <summary>The report form's bootstrap, reachability and MC fields, in a real headless Chromium.</summary>
public sealed class ReportBirdFormBrowserTests(PortalHost host) : IClassFixture<PortalHost>
{
    [Fact]
    public async Task An_analyst_asks_for_intervals_reachability_and_the_MC_section_and_gets_them_in_the_report()
    {
        await UploadTests.ImportSampleSitesAsync(host);
        var counts = await host.Db.Database.ImportAsync(new Ingestion.Counts.CountImporter(), TestFiles.Sample("crane-counts-2024-2025.csv"));
        Assert.True(counts.Loaded, counts.Message);
        var tracks = await host.Db.Database.ImportAsync(new TrackImporter(), TestFiles.Sample("flyway-tracks-2024-2025.csv.gz"));
        Assert.Equal(ImportStatus.Succeeded, tracks.Status);
        await host.AddUserAsync("analyst-mc@example.org", null, Roles.Analyst);
        using var browser = new Browser();
        var driver = browser.Driver;

        driver.Navigate().GoToUrl(new Uri(host.BaseAddress, "/Reports"));
        driver.FindElement(By.Id("Email")).SendKeys("analyst-mc@example.org");
        driver.FindElement(By.Id("Password")).SendKeys(PortalHost.Password);
        browser.ClickAndWait(By.Id("sign-in"));
        Assert.Equal("1000", driver.FindElement(By.Id("bootstrap")).GetAttribute("value"));
        Assert.True(driver.FindElement(By.CssSelector("#mc-origin option[value=none]")).Selected);

        driver.FindElement(By.Id("species")).SendKeys("Grus monacha");
        driver.FindElement(By.CssSelector("#season option[value=winter]")).Click();
        var year = driver.FindElement(By.Id("year"));
        year.Clear();
        year.SendKeys("2025");
        var bootstrap = driver.FindElement(By.Id("bootstrap"));
        bootstrap.Clear();
        bootstrap.SendKeys("200");
        driver.FindElement(By.Id("seed")).SendKeys("5");
        driver.FindElement(By.Id("reachability")).Click();
        driver.FindElement(By.CssSelector("#mc-origin option[value=winter]")).Click();
        driver.FindElement(By.CssSelector("#mc-target option[value=breeding]")).Click();
        browser.Screenshot("report-form-birds");
        browser.ClickAndWait(By.Id("run-connectivity"));

        Assert.Contains("Report ready", driver.FindElement(By.Id("report-message")).Text, StringComparison.Ordinal);
        var html = Directory.GetFiles(host.StorageFolder, "report.html", SearchOption.AllDirectories).Single();
        var folder = Path.GetDirectoryName(html)!;
        Assert.True(File.Exists(Path.Combine(folder, "mc", "birds.csv")));
        var summary = File.ReadAllLines(Path.Combine(folder, "summary.csv"));
        Assert.EndsWith(",2,200,5,0.95", summary[1], StringComparison.Ordinal); // two Hooded Cranes tracked in winter 2025

        driver.Navigate().GoToUrl(new Uri(html));
        Assert.True(driver.FindElement(By.Id("migratory")).Displayed);
        Assert.Equal(2, driver.FindElements(By.CssSelector("#migratory tr[data-bird]")).Count);
        Assert.NotEmpty(driver.FindElements(By.CssSelector("svg.fractions g.err")));
        Assert.Contains("PC (reach)", driver.FindElement(By.CssSelector("table.kv")).Text, StringComparison.Ordinal);
        ((IJavaScriptExecutor)driver).ExecuteScript("document.getElementById('migratory').scrollIntoView()");
        browser.Screenshot("report-mc-section");
    }
}
