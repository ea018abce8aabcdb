using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace Neaspec.Survey.Portal.Tests.TestUtilities;

/// <summary>Debian's headless Chromium driven through the system chromedriver. Nothing is downloaded: the
/// driver path is given and Selenium Manager is told to stay offline. A missing browser fails the test.</summary>
public sealed class Browser : IDisposable
{
    public const string ChromiumPath = "/usr/bin/chromium";
    public const string DriverFolder = "/usr/bin";
    public const string DriverName = "chromedriver";

    private readonly string profile = Directory.CreateTempSubdirectory("neaspec-chromium-").FullName;

    public Browser()
    {
        if (!File.Exists(ChromiumPath) || !File.Exists(Path.Combine(DriverFolder, DriverName)))
        {
            Assert.Fail($"The browser tests need Debian's Chromium and its driver ({ChromiumPath}, {DriverFolder}/{DriverName}): " +
                "apt-get install -y chromium chromium-driver");
        }
        Environment.SetEnvironmentVariable("SE_OFFLINE", "true");
        var service = ChromeDriverService.CreateDefaultService(DriverFolder, DriverName);
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var options = new ChromeOptions { BinaryLocation = ChromiumPath };
        options.AddArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--window-size=1280,900", $"--user-data-dir={profile}");
        Driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        Driver.Manage().Timeouts().ImplicitWait = TimeSpan.FromSeconds(10);
    }

    public ChromeDriver Driver { get; }

    /// <summary>Clicks what submits a form or follows a link, and waits until the next page has replaced this one.</summary>
    public void ClickAndWait(By by)
    {
        var page = Driver.FindElement(By.TagName("html"));
        Driver.FindElement(by).Click();
        // A bound against a page that never comes, generous for a loaded machine; not a speed check.
        var deadline = DateTime.UtcNow.AddSeconds(180);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                _ = page.Enabled;
            }
            catch (StaleElementReferenceException)
            {
                return;
            }
            catch (UnknownErrorException ex) when (ex.Message.Contains("does not belong to the document", StringComparison.Ordinal))
            {
                // Chromium's way of saying the same while the old document is being torn down.
                return;
            }
            Thread.Sleep(50);
        }
        Assert.Fail($"clicking {by} did not lead to a new page within 180 s (still on {Driver.Url})");
    }

    /// <summary>Saves a screenshot under the test output folder and returns its path.</summary>
    public string Screenshot(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name + ".png");
        Driver.GetScreenshot().SaveAsFile(path);
        return path;
    }

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
        try
        {
            Directory.Delete(profile, recursive: true);
        }
        catch (IOException)
        {
            // Chromium may still be writing its profile as it exits; the temp folder is cleaned later.
        }
    }
}
