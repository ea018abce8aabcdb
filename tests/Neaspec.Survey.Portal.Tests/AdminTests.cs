using System.Net;
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
        var bytes = await File.ReadAllBytesAsync(UploadTests.Sample("sites.csv"));

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
    public async Task An_analyst_runs_the_connectivity_report_stub()
    {
        using var analyst = await host.SignedInAsync(null, Roles.Analyst);
        var token = await analyst.TokenAsync("/Reports");

        using var run = await analyst.PostFormAsync("/Reports?handler=Connectivity", [], token);

        Assert.Equal(HttpStatusCode.OK, run.StatusCode);
        Assert.Contains("not available yet", await run.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
