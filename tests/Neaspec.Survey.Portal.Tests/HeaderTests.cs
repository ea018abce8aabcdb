using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Neaspec.Survey.Portal.Accounts;
using Neaspec.Survey.Portal.Tests.TestUtilities;

namespace Neaspec.Survey.Portal.Tests;

/// <summary>Private files are never kept by a browser's cache or a proxy, and every response — page, file,
/// redirect, error — carries the same security headers, whoever asks.</summary>
public sealed class HeaderTests(PortalHost host) : IClassFixture<PortalHost>
{
    [Fact]
    public async Task An_error_report_download_is_private_and_not_stored()
    {
        using var researcher = await host.SignedInAsync(null, Roles.Researcher);
        var bad = Encoding.UTF8.GetBytes($"site_code,date,species,count\nKR-SCB,2025-01-12,저어새,{Guid.NewGuid():N}\n");
        var (path, _) = await researcher.UploadAndReadAsync("bad-counts.csv", bad);

        using var report = await researcher.GetAsync(path + "?handler=Report");

        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.Equal("bad-counts.csv.errors.csv", report.Content.Headers.ContentDisposition?.FileNameStar);
        AssertPrivate(report, path + "?handler=Report");
    }

    [Theory]
    [InlineData("html", "text/html")]
    [InlineData("zip", "application/zip")]
    public async Task A_connectivity_report_download_is_private_and_not_stored(string file, string type)
    {
        // A run as the Reports page leaves it (the download reads only the run's folder and the fixed file names).
        var run = Guid.NewGuid().ToString("N");
        var folder = Path.Combine(host.Services.GetRequiredService<PortalOptions>().ReportsFolder, "connectivity", run);
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "report.html"), "<!doctype html><p>Izumi</p>");
        using (var zip = ZipFile.Open(Path.Combine(folder, "report.zip"), ZipArchiveMode.Create))
        {
            zip.CreateEntryFromFile(Path.Combine(folder, "report.html"), "report.html");
        }
        using var analyst = await host.SignedInAsync(null, Roles.Analyst);
        var path = $"/Reports?handler=Download&run={run}&file={file}";

        using var download = await analyst.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(type, download.Content.Headers.ContentType?.MediaType);
        AssertPrivate(download, path);
    }

    [Fact]
    public async Task Every_route_answers_with_the_security_headers_for_every_role_and_for_anonymous_visitors()
    {
        using var anonymous = host.Client();
        using var researcher = await host.SignedInAsync("Header team", Roles.Researcher);
        using var analyst = await host.SignedInAsync(null, Roles.Analyst);
        using var admin = await host.SignedInAsync(null, Roles.Admin);
        var paths = host.RoutePaths().Concat(["/Imports/Details/999999", "/no/such/page"]).ToList();

        foreach (var (who, client) in new[] { ("anonymous", anonymous), ("researcher", researcher), ("analyst", analyst), ("admin", admin) })
        {
            foreach (var path in paths)
            {
                using var response = await client.GetAsync(path);
                AssertHeaders(response, $"{who} GET {path} ({(int)response.StatusCode})");
            }
        }
    }

    /// <summary>A file behind sign-in: an attachment, never stored, never sniffed into something else.</summary>
    private static void AssertPrivate(HttpResponseMessage response, string what)
    {
        AssertHeaders(response, what);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
    }

    private static void AssertHeaders(HttpResponseMessage response, string what)
    {
        string? Header(string name) =>
            response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
                ? string.Join(", ", values) : null;

        Assert.True(response.Headers.CacheControl?.NoStore == true, $"{what}: Cache-Control is '{response.Headers.CacheControl}'");
        Assert.True(Header("Pragma") == "no-cache", $"{what}: Pragma is '{Header("Pragma")}'");
        Assert.True(Header("X-Content-Type-Options") == "nosniff", $"{what}: X-Content-Type-Options is '{Header("X-Content-Type-Options")}'");
        Assert.True(Header("X-Frame-Options") == "DENY", $"{what}: X-Frame-Options is '{Header("X-Frame-Options")}'");
        Assert.True(Header("Content-Security-Policy")?.Contains("frame-ancestors 'none'", StringComparison.Ordinal) == true,
            $"{what}: Content-Security-Policy is '{Header("Content-Security-Policy")}'");
        Assert.True(Header("Referrer-Policy") == "same-origin", $"{what}: Referrer-Policy is '{Header("Referrer-Policy")}'");
        Assert.True(Header("Cross-Origin-Resource-Policy") == "same-origin", $"{what}: Cross-Origin-Resource-Policy is '{Header("Cross-Origin-Resource-Policy")}'");
    }
}
