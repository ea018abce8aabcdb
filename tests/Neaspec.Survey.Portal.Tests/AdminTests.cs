using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using Neaspec.Survey.Ingestion.Counts;
using Neaspec.Survey.Portal.Accounts;
using Neaspec.Survey.Portal.Tests.TestUtilities;

namespace Neaspec.Survey.Portal.Tests;

/// <summary>An admin manages users and sites; an analyst reaches the reports page.</summary>
public sealed class AdminTests(PortalHost host) : IClassFixture<PortalHost>
{
    [Fact]
    public async Task An_admin_creates_a_researcher_who_can_then_sign_in_and_upload()
    {
        using var admin = await host.SignedInAsync(null, Roles.Admin);
        var token = await admin.TokenAsync("/Admin/Users");

        using var created = await admin.PostFormAsync("/Admin/Users?handler=Create",
            [new("email", "new-researcher@example.org"), new("team", "Xuan Thuy NP"), new("password", "a long enough secret"), new("roles", Roles.Researcher)], token);

        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.Contains("new-researcher@example.org created", await created.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var researcher = host.Client();
        await researcher.SignInAsync("new-researcher@example.org", "a long enough secret");
        Assert.Contains("Upload a file", await researcher.GetStringAsync("/Upload"), StringComparison.Ordinal);
        Assert.Equal("Xuan Thuy NP", await host.Db.ScalarAsync<string>("select team from portal.users where email = 'new-researcher@example.org'"));
    }

    [Fact]
    public async Task A_weak_password_is_refused_with_the_reason()
    {
        using var admin = await host.SignedInAsync(null, Roles.Admin);
        var token = await admin.TokenAsync("/Admin/Users");

        using var created = await admin.PostFormAsync("/Admin/Users?handler=Create",
            [new("email", "weak@example.org"), new("password", "short"), new("roles", Roles.Researcher)], token);

        Assert.Contains("at least 12 characters", await created.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await host.Db.ScalarAsync<long>("select count(*) from portal.users where email = 'weak@example.org'"));
    }

    [Fact]
    public async Task An_admin_changes_roles_and_disables_an_account_and_cannot_lock_themself_out()
    {
        using var admin = await host.SignedInAsync(null, Roles.Admin);
        var user = await host.AddUserAsync("to-change@example.org", null, Roles.Researcher);
        var token = await admin.TokenAsync("/Admin/Users");

        using var promoted = await admin.PostFormAsync("/Admin/Users?handler=Update",
            [new("id", user.Id), new("team", "Analysts"), new("roles", Roles.Analyst)], token);
        Assert.Contains("to-change@example.org saved", await promoted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using (var analyst = host.Client())
        {
            await analyst.SignInAsync("to-change@example.org", PortalHost.Password);
            Assert.Equal(HttpStatusCode.OK, (await analyst.GetAsync("/Reports")).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await analyst.GetAsync("/Upload")).StatusCode);
        }

        using var disabled = await admin.PostFormAsync("/Admin/Users?handler=Update",
            [new("id", user.Id), new("roles", Roles.Analyst), new("disabled", "true")], token);
        using var blocked = host.Client();
        var loginToken = await blocked.TokenAsync("/Account/Login");
        using var refused = await blocked.PostFormAsync("/Account/Login", [new("Email", "to-change@example.org"), new("Password", PortalHost.Password)], loginToken);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("locked", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var self = await host.Db.ScalarAsync<string>($"select id from portal.users where email = '{admin.Email}'");
        using var demoted = await admin.PostFormAsync("/Admin/Users?handler=Update", [new("id", self), new("roles", Roles.Researcher)], token);
        Assert.Contains("cannot take the admin role", await demoted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_imports_sites_from_a_file_and_sees_them_listed()
    {
        using var admin = await host.SignedInAsync(null, Roles.Admin);
        var bytes = await File.ReadAllBytesAsync(TestFiles.Sample("sites.csv"));

        using var response = await admin.UploadAsync("sites.csv", bytes, page: "/Admin/Sites");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("status-succeeded", html, StringComparison.Ordinal);
        Assert.Contains("<td>KR-SCB</td>", html, StringComparison.Ordinal);
        Assert.Contains("Suncheon Bay", html, StringComparison.Ordinal);
        Assert.Equal("sites", await host.Db.ScalarAsync<string>(
            $"select kind from portal.uploads where sha256 = '{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))}'"));
    }

    [Fact]
    public async Task A_bad_sites_file_lists_its_errors()
    {
        using var admin = await host.SignedInAsync(null, Roles.Admin);
        var csv = "site_code,name_en,name_zh,name_ja,name_ko,name_ru,name_mn,country,latitude,longitude\nKR-BAD,Bad,,,,,,KR,123.0,127.0\n";

        using var response = await admin.UploadAsync("bad-sites.csv", System.Text.Encoding.UTF8.GetBytes(csv), page: "/Admin/Sites");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("status-rejected", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">2</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_analyst_runs_the_connectivity_report_and_downloads_its_html_and_zip()
    {
        await UploadTests.ImportSampleSitesAsync(host);
        var counts = await host.Db.Database.ImportAsync(new CountImporter(), TestFiles.Sample("crane-counts-2024-2025.csv"));
        Assert.True(counts.Status is "succeeded" or "partial" or "unchanged", counts.Message);
        using var analyst = await host.SignedInAsync(null, Roles.Analyst);
        var token = await analyst.TokenAsync("/Reports");

        using var run = await analyst.PostFormAsync("/Reports?handler=Connectivity",
            [new("Species", "Grus monacha"), new("Season", "winter"), new("Year", "2025"), new("Distances", "50,100,250,500"), new("Language", "en")], token);

        var page = await run.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        Assert.Contains("id=\"report-message\"", page, StringComparison.Ordinal);
        var links = Regex.Matches(page, "href=\"(/Reports\\?handler=Download&amp;run=[0-9a-f]{32}&amp;file=(?:html|zip))\"")
            .Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        var htmlLink = Assert.Single(links, l => l.EndsWith("file=html", StringComparison.Ordinal));
        var zipLink = Assert.Single(links, l => l.EndsWith("file=zip", StringComparison.Ordinal));

        using var html = await analyst.GetAsync(htmlLink);
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        Assert.Contains("Izumi", await html.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var zip = await analyst.GetAsync(zipLink);
        Assert.Equal(HttpStatusCode.OK, zip.StatusCode);
        using var archive = new ZipArchive(await zip.Content.ReadAsStreamAsync());
        var entries = archive.Entries.Select(e => e.FullName).ToList();
        Assert.Contains("nodes.csv", entries);
        Assert.Contains("report.html", entries);
        Assert.Contains("sites.geojson", entries);

        // The list shows the run on a fresh visit; names it did not create are not served.
        Assert.Contains(htmlLink.Replace("&", "&amp;", StringComparison.Ordinal), await analyst.GetStringAsync("/Reports"), StringComparison.Ordinal);
        var runId = Regex.Match(htmlLink, "run=([0-9a-f]{32})").Groups[1].Value;
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync($"/Reports?handler=Download&run={runId}&file=run.json")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await analyst.GetAsync("/Reports?handler=Download&run=..%2F..%2Fkeys&file=html")).StatusCode);

        // A species not in the catalogue: the loader's problem is shown, nothing run.
        using var unknown = await analyst.PostFormAsync("/Reports?handler=Connectivity",
            [new("Species", "Grus nonexistens"), new("Season", "winter"), new("Year", "2025"), new("Distances", "50"), new("Language", "en")], token);
        var unknownPage = await unknown.Content.ReadAsStringAsync();
        Assert.Contains("id=\"report-problems\"", unknownPage, StringComparison.Ordinal);
        Assert.Contains("Grus nonexistens", unknownPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_researcher_cannot_run_or_download_reports()
    {
        using var researcher = await host.SignedInAsync(null, Roles.Researcher);
        var token = await researcher.TokenAsync("/Upload");

        using var run = await researcher.PostFormAsync("/Reports?handler=Connectivity",
            [new("Species", "Grus monacha"), new("Season", "winter"), new("Year", "2025")], token);
        using var page = await researcher.GetAsync("/Reports");
        using var download = await researcher.GetAsync($"/Reports?handler=Download&run={Guid.NewGuid():N}&file=html");

        foreach (var response in new[] { run, page, download })
        {
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound
                || response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("AccessDenied", StringComparison.Ordinal),
                $"{(int)response.StatusCode} {response.Headers.Location}");
        }
    }
}
