using Neaspec.Survey.Portal.Accounts;
using Neaspec.Survey.Portal.Tests.TestUtilities;
using OpenQA.Selenium;

namespace Neaspec.Survey.Portal.Tests;

/// <summary>The report form's links and thresholds in a real headless Chromium: shown with their defaults, set by an
/// analyst, and a bad value answered in the form's words.</summary>
public sealed class ReportFormBrowserTests(PortalHost host) : IClassFixture<PortalHost>
{
    [Fact]
    public async Task An_analyst_sets_the_links_and_a_threshold_and_sees_a_bad_value_explained()
    {
        await UploadTests.ImportSampleSitesAsync(host);
        var counts = await host.Db.Database.ImportAsync(new Ingestion.Counts.CountImporter(), TestFiles.Sample("crane-counts-2024-2025.csv"));
        Assert.True(counts.Status is "succeeded" or "unchanged", counts.Message);
        await host.AddUserAsync("analyst-form@example.org", null, Roles.Analyst);
        using var browser = new Browser();
        var driver = browser.Driver;
        driver.Navigate().GoToUrl(new Uri(host.BaseAddress, "/Reports"));
        driver.FindElement(By.Id("Email")).SendKeys("analyst-form@example.org");
        driver.FindElement(By.Id("Password")).SendKeys(PortalHost.Password);
        browser.ClickAndWait(By.Id("sign-in"));

        // The fields show their defaults as placeholders and start empty.
        Assert.True(driver.FindElement(By.Id("analysis")).Displayed);
        Assert.Equal(("10", "", "24", "20"), (driver.FindElement(By.Id("stay-radius")).GetAttribute("placeholder"),
            driver.FindElement(By.Id("stay-radius")).GetAttribute("value"), driver.FindElement(By.Id("max-gap")).GetAttribute("placeholder"),
            driver.FindElement(By.Id("cluster-distance")).GetAttribute("placeholder")));
        browser.Screenshot("report-form");

        void Fill(string id, string text)
        {
            var input = driver.FindElement(By.Id(id));
            input.Clear();
            input.SendKeys(text);
        }
        Fill("species", "Grus monacha");
        Fill("year", "2025");
        driver.FindElement(By.CssSelector("#links option[value=distance]")).Click();
        Fill("area-total", "30000");
        Fill("stay-radius", "five");
        browser.ClickAndWait(By.Id("run-connectivity"));

        Assert.Contains("stay radius: 'five' is not a number of km", driver.FindElement(By.Id("report-problems")).Text, StringComparison.Ordinal);
        // The form keeps what was typed, so the analyst mends one field.
        Assert.Equal("five", driver.FindElement(By.Id("stay-radius")).GetAttribute("value"));
        Assert.Equal("distance", driver.FindElement(By.Id("links")).GetAttribute("value"));
        browser.Screenshot("report-form-problem");

        Fill("stay-radius", "5");
        browser.ClickAndWait(By.Id("run-connectivity"));

        Assert.Contains("links from distance decay", driver.FindElement(By.Id("report-message")).Text, StringComparison.Ordinal);
        Assert.Single(driver.FindElements(By.CssSelector("#runs tbody tr")));
    }
}
