using Neaspec.Survey.Portal.Accounts;
using Neaspec.Survey.Portal.Tests.TestUtilities;
using OpenQA.Selenium;

namespace Neaspec.Survey.Portal.Tests;

/// <summary>An admin marks a roost sensitive with the button on the Sites page, in a real headless Chromium.</summary>
public sealed class SharingBrowserTests(PortalHost host) : IClassFixture<PortalHost>
{
    [Fact]
    public async Task An_admin_clicks_mark_sensitive_and_sees_the_site_marked()
    {
        await UploadTests.ImportSampleSitesAsync(host);
        await host.AddUserAsync("admin-browser@example.org", null, Roles.Admin);
        using var browser = new Browser();
        var driver = browser.Driver;

        driver.Navigate().GoToUrl(new Uri(host.BaseAddress, "/Admin/Sites"));
        driver.FindElement(By.Id("Email")).SendKeys("admin-browser@example.org");
        driver.FindElement(By.Id("Password")).SendKeys(PortalHost.Password);
        browser.ClickAndWait(By.Id("sign-in"));
        IWebElement Row() => driver.FindElements(By.CssSelector("#sites tbody tr")).Single(r => r.Text.StartsWith("KR-SCB", StringComparison.Ordinal));
        Assert.Equal("Mark sensitive", Row().FindElement(By.CssSelector("td.sensitive button")).Text);

        browser.ClickAndWait(By.Id("sensitive-KR-SCB"));

        Assert.Equal("KR-SCB: sensitive.", driver.FindElement(By.Id("sites-message")).Text);
        Assert.StartsWith("sensitive", Row().FindElement(By.CssSelector("td.sensitive")).Text, StringComparison.Ordinal);
        Assert.Equal("Unmark", Row().FindElement(By.CssSelector("td.sensitive button")).Text);
        Assert.True(await host.Db.ScalarAsync<bool>("select is_sensitive from sites where code = 'KR-SCB'"));
        browser.Screenshot("site-marked-sensitive");
        Assert.True(driver.FindElement(By.LinkText("Share (GBIF)")).Displayed);
    }
}
