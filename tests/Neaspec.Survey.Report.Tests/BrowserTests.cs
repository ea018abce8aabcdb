using Neaspec.Survey.Testing;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using Xunit.Abstractions;

namespace Neaspec.Survey.Report.Tests;

/// <summary>
/// report.html in a real headless Chromium (Debian chromium + chromium-driver, no downloaded driver): it loads
/// offline without console errors, the map draws one marker per site, the tabs switch, and a screenshot is
/// saved for a person to look at. Fails, never skips, when Chromium is missing.
/// </summary>
public sealed class BrowserTests : IClassFixture<SampleDatabase>, IDisposable
{
    private const string Chromium = "/usr/bin/chromium";
    private const string DriverFolder = "/usr/bin";
    private readonly SampleDatabase sample;
    private readonly ITestOutputHelper output;
    private readonly TestFiles files = new();

    public BrowserTests(SampleDatabase sample, ITestOutputHelper output)
    {
        this.sample = sample;
        this.output = output;
    }

    public void Dispose() => files.Dispose();

    /// <summary>Where screenshots go: NEASPEC_SCREENSHOTS, else screenshots/ beside the test assembly.</summary>
    public static string ScreenshotFolder() =>
        Environment.GetEnvironmentVariable("NEASPEC_SCREENSHOTS") ?? Path.Combine(AppContext.BaseDirectory, "screenshots");

    private ChromeDriver StartBrowser(int width, int height)
    {
        if (!File.Exists(Chromium) || !File.Exists(Path.Combine(DriverFolder, "chromedriver")))
        {
            Assert.Fail("The browser tests need Debian's Chromium and its driver: apt-get install -y chromium chromium-driver "
                + $"(looked for {Chromium} and {DriverFolder}/chromedriver).");
        }
        var profile = Directory.CreateDirectory(Path.Combine(files.Folder, "profile-" + Guid.NewGuid().ToString("N")));
        var options = new ChromeOptions { BinaryLocation = Chromium };
        options.AddArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-dev-shm-usage",
            $"--user-data-dir={profile.FullName}", $"--window-size={width},{height}");
        options.SetLoggingPreference(LogType.Browser, LogLevel.All);
        var service = ChromeDriverService.CreateDefaultService(DriverFolder, "chromedriver");
        service.HideCommandPromptWindow = true;
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task The_report_loads_without_console_errors_draws_a_marker_per_site_and_is_screenshotted()
    {
        var report = await sample.ReportAsync(SampleDatabase.HoodedCrane());
        var folder = Path.Combine(files.Folder, "report");
        await ReportFiles.WriteAsync(report, folder);
        await HtmlReport.WriteAsync(report, folder);

        using var driver = StartBrowser(1400, 1000);
        driver.Navigate().GoToUrl(new Uri(Path.Combine(folder, "report.html")).AbsoluteUri);

        var errors = driver.Manage().Logs.GetLog(LogType.Browser).Where(e => e.Level >= LogLevel.Warning).ToList();
        Assert.True(errors.Count == 0, "console: " + string.Join(" | ", errors.Select(e => e.Message)));
        Assert.Contains("Hooded Crane", driver.Title, StringComparison.Ordinal);

        var open = HtmlReport.OpenRun(report);
        var panel = driver.FindElement(By.Id("panel-" + open.Key));
        Assert.True(panel.Displayed);
        var markers = panel.FindElements(By.CssSelector("svg.map circle.site"));
        Assert.Equal(report.Inputs.Nodes.Count, markers.Count);
        Assert.All(markers, m => Assert.True(m.Size.Width > 0, "a marker has no size"));
        Assert.Equal(open.Links.Count, panel.FindElements(By.CssSelector("svg.map g.links .link")).Count);
        Assert.NotEmpty(panel.FindElements(By.CssSelector("svg.map path.country")));
        Assert.Equal(5, panel.FindElements(By.CssSelector("table.ranking tbody tr")).Count);

        // Full-page screenshot: resize the window to the page's height first.
        var height = Convert.ToInt32(((IJavaScriptExecutor)driver).ExecuteScript("return document.documentElement.scrollHeight"),
            System.Globalization.CultureInfo.InvariantCulture);
        driver.Manage().Window.Size = new System.Drawing.Size(1400, Math.Min(height + 40, 6000));
        Directory.CreateDirectory(ScreenshotFolder());
        var shot = Path.Combine(ScreenshotFolder(), "report-connectivity.png");
        driver.GetScreenshot().SaveAsFile(shot);
        output.WriteLine($"screenshot: {shot}");
        Assert.True(new FileInfo(shot).Length > 10_000);

        // The CSS tabs switch panels without script.
        var other = report.Runs.First(r => r != open);
        driver.FindElement(By.CssSelector($"label[for='tab-{other.Key}']")).Click();
        Assert.True(driver.FindElement(By.Id("panel-" + other.Key)).Displayed);
        Assert.False(driver.FindElement(By.Id("panel-" + open.Key)).Displayed);
    }

    [Fact]
    public async Task A_korean_report_names_the_sites_in_korean()
    {
        var report = await sample.ReportAsync(SampleDatabase.HoodedCrane("ko"));
        var folder = Path.Combine(files.Folder, "report-ko");
        await HtmlReport.WriteAsync(report, folder);

        using var driver = StartBrowser(1400, 1000);
        driver.Navigate().GoToUrl(new Uri(Path.Combine(folder, "report.html")).AbsoluteUri);

        Assert.DoesNotContain(driver.Manage().Logs.GetLog(LogType.Browser), e => e.Level >= LogLevel.Warning);
        var labels = driver.FindElements(By.CssSelector($"#panel-{HtmlReport.OpenRun(report).Key} svg.map text.label")).Select(t => t.Text).ToList();
        Assert.Contains("이즈미 두루미 월동지", labels);
        Assert.Contains("순천만", labels);
        Assert.Equal("ko", driver.FindElement(By.TagName("html")).GetAttribute("lang"));
        Directory.CreateDirectory(ScreenshotFolder());
        driver.GetScreenshot().SaveAsFile(Path.Combine(ScreenshotFolder(), "report-connectivity-ko.png"));
    }

    [Fact]
    public async Task A_telemetry_report_draws_directed_arcs_without_console_errors()
    {
        // Made-up tracks (the track tables are not here yet): moves both ways between Izumi and Suncheon.
        var fixes = TelemetrySample.Stays(("a", "JP-IZM", "2024-12-02"), ("a", "KR-SCB", "2024-12-10"), ("a", "KR-CWN", "2024-12-20"),
            ("b", "JP-IZM", "2025-01-02"), ("b", "KR-SCB", "2025-01-10"),
            ("c", "CN-PYL", "2024-12-03"), ("c", "KR-SCB", "2024-12-15"), ("c", "JP-IZM", "2025-01-05"),
            ("d", "KR-SCB", "2024-12-05"), ("d", "JP-IZM", "2024-12-20"), ("d", "KR-SCB", "2025-01-20"));
        var inputs = ConnectivityInputs.Create(SampleDatabase.HoodedCrane(), TelemetrySample.Winter2025, "Grus monacha", "Hooded Crane",
            TelemetrySample.Sites, TelemetrySample.Counts, fixes).Inputs!;
        var report = ConnectivityReport.Compute(inputs);
        var folder = Path.Combine(files.Folder, "report-telemetry");
        await HtmlReport.WriteAsync(report, folder);

        using var driver = StartBrowser(1400, 1000);
        driver.Navigate().GoToUrl(new Uri(Path.Combine(folder, "report.html")).AbsoluteUri);

        var errors = driver.Manage().Logs.GetLog(LogType.Browser).Where(e => e.Level >= LogLevel.Warning).ToList();
        Assert.True(errors.Count == 0, "console: " + string.Join(" | ", errors.Select(e => e.Message)));
        var panel = driver.FindElement(By.Id("panel-telemetry"));
        Assert.True(panel.Displayed);
        Assert.Equal(4, panel.FindElements(By.CssSelector("svg.map circle.site")).Count);
        var arcs = panel.FindElements(By.CssSelector("svg.map g.links path.link"));
        Assert.Equal(report.Runs[0].Links.Count, arcs.Count);
        Assert.All(arcs, a => Assert.StartsWith("url(#arrow-telemetry)", a.GetAttribute("marker-end"), StringComparison.Ordinal));
        // Izumi -> Suncheon was made by a, b and d: drawn solid; every other link by one or two birds: dashed as weak.
        var weak = arcs.Where(a => a.GetAttribute("class")!.Contains("weak", StringComparison.Ordinal)).ToList();
        Assert.Equal(report.Runs[0].Links.Count - 1, weak.Count);
        Assert.All(weak, a => Assert.NotEqual("none", a.GetCssValue("stroke-dasharray")));
        Assert.Equal("none", Assert.Single(arcs, a => !weak.Contains(a)).GetCssValue("stroke-dasharray"));
        Directory.CreateDirectory(ScreenshotFolder());
        driver.GetScreenshot().SaveAsFile(Path.Combine(ScreenshotFolder(), "report-connectivity-telemetry.png"));
    }

    [Fact]
    public async Task The_six_crane_report_with_both_links_and_sensitivity_shows_the_candidate_and_the_grid()
    {
        var six = ConnectivityInputs.Create(SampleDatabase.HoodedCrane() with
            {
                Season = "autumn", Weighting = Connectivity.NodeWeighting.Uniform, Links = LinkChoice.Both, DistancesKm = [250, 500], Sensitivity = true,
            },
            Connectivity.SeasonWindow.Of(Connectivity.SeasonWindow.Find("autumn")!, 2025), "Grus monacha", "Hooded Crane",
            SixCraneScenarioTests.ScenarioSites, [], SixCraneScenarioTests.Tracks()).Inputs!;
        var report = ConnectivityReport.Compute(six);
        var folder = Path.Combine(files.Folder, "report-sensitivity");
        await HtmlReport.WriteAsync(report, folder);

        using var driver = StartBrowser(1400, 1000);
        driver.Navigate().GoToUrl(new Uri(Path.Combine(folder, "report.html")).AbsoluteUri);

        var errors = driver.Manage().Logs.GetLog(LogType.Browser).Where(e => e.Level >= LogLevel.Warning).ToList();
        Assert.True(errors.Count == 0, "console: " + string.Join(" | ", errors.Select(e => e.Message)));
        // The telemetry tab opens first; its candidate site has a dashed ring.
        Assert.True(driver.FindElement(By.Id("panel-telemetry")).Displayed);
        var candidate = driver.FindElement(By.CssSelector("#panel-telemetry svg.map circle.site.candidate"));
        Assert.Equal("candidate-1", candidate.GetAttribute("data-site"));
        Assert.NotEqual("none", candidate.GetCssValue("stroke-dasharray"));
        var grid = driver.FindElement(By.Id("sensitivity"));
        Assert.True(grid.Displayed);
        Assert.Equal(11, grid.FindElements(By.CssSelector("table.settings tbody tr")).Count);
        Assert.Equal(report.Sensitivity!.Rows.Count, grid.FindElements(By.CssSelector("table.sens-ranks tbody tr")).Count);
        var height = Convert.ToInt32(((IJavaScriptExecutor)driver).ExecuteScript("return document.documentElement.scrollHeight"),
            System.Globalization.CultureInfo.InvariantCulture);
        driver.Manage().Window.Size = new System.Drawing.Size(1400, Math.Min(height + 40, 8000));
        Directory.CreateDirectory(ScreenshotFolder());
        driver.GetScreenshot().SaveAsFile(Path.Combine(ScreenshotFolder(), "report-connectivity-sensitivity.png"));
    }

    [Fact]
    public async Task The_trend_report_loads_without_console_errors_and_draws_every_site_year()
    {
        var report = TrendDatabase.FromValues(new Neaspec.Survey.Trends.TrendOptions { Model = Neaspec.Survey.Trends.TrendModel.TimeEffects, Overdispersion = true });
        var folder = Path.Combine(files.Folder, "report-trend");
        await Report.Trends.TrendHtmlReport.WriteAsync(report, folder);

        using var driver = StartBrowser(1400, 1000);
        driver.Navigate().GoToUrl(new Uri(Path.Combine(folder, "report.html")).AbsoluteUri);

        var errors = driver.Manage().Logs.GetLog(LogType.Browser).Where(e => e.Level >= LogLevel.Warning).ToList();
        Assert.True(errors.Count == 0, "console: " + string.Join(" | ", errors.Select(e => e.Message)));
        Assert.Contains("Black-faced Spoonbill", driver.Title, StringComparison.Ordinal);
        // 5 sites x 6 winters, each cell drawn with a size; the band and the two index lines; a label per site row.
        var cells = driver.FindElements(By.CssSelector("svg.heatmap rect.cell"));
        Assert.Equal(5 * 6, cells.Count);
        Assert.All(cells, c => Assert.True(c.Size.Width > 0 && c.Size.Height > 0, "a cell has no size"));
        Assert.Equal(5, driver.FindElements(By.CssSelector("svg.heatmap text.rowlabel")).Count(t => t.Size.Width > 0));
        Assert.True(driver.FindElement(By.CssSelector("svg.trend-index polygon.band")).Size.Height > 0);
        Assert.Equal(6, driver.FindElements(By.CssSelector("svg.trend-index circle.pt")).Count);
        Assert.Equal(2, driver.FindElements(By.CssSelector("#thresholds table.flags tbody tr")).Count);

        var height = Convert.ToInt32(((IJavaScriptExecutor)driver).ExecuteScript("return document.documentElement.scrollHeight"),
            System.Globalization.CultureInfo.InvariantCulture);
        driver.Manage().Window.Size = new System.Drawing.Size(1400, Math.Min(height + 40, 6000));
        Directory.CreateDirectory(ScreenshotFolder());
        var shot = Path.Combine(ScreenshotFolder(), "report-trend.png");
        driver.GetScreenshot().SaveAsFile(shot);
        output.WriteLine($"screenshot: {shot}");
        Assert.True(new FileInfo(shot).Length > 10_000);
    }
}
