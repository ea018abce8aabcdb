using System.Net;
using System.Text;
using Neaspec.Survey.Portal.Accounts;
using Neaspec.Survey.Portal.Tests.TestUtilities;

namespace Neaspec.Survey.Portal.Tests;

/// <summary>Sign-in everywhere, roles and teams, and hostile files: traversal names, oversize, not CSV,
/// formula injection.</summary>
public sealed class SecurityTests(PortalHost host) : IClassFixture<PortalHost>
{
    [Fact]
    public async Task Every_page_and_handler_but_sign_in_sends_an_anonymous_visitor_to_sign_in()
    {
        using var anonymous = host.Client();
        foreach (var path in host.RoutePaths().Concat(["/Imports/Details/1?handler=Report", "/favicon.ico", "/api/anything"]))
        {
            foreach (var method in new[] { HttpMethod.Get, HttpMethod.Post })
            {
                using var response = await anonymous.SendAsync(new HttpRequestMessage(method, path));
                if (path == "/Account/Login")
                {
                    Assert.Equal(method == HttpMethod.Get ? HttpStatusCode.OK : HttpStatusCode.BadRequest, response.StatusCode);
                    continue;
                }
                Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{method} {path}: {(int)response.StatusCode}");
                Assert.StartsWith("/Account/Login", response.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Pages_forbid_scripts_framing_and_content_sniffing()
    {
        using var anonymous = host.Client();
        using var response = await anonymous.GetAsync("/Account/Login");
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Forms_without_the_antiforgery_token_are_refused()
    {
        using var anonymous = host.Client();
        using var signIn = await anonymous.PostFormAsync("/Account/Login", [new("Email", "x@example.org"), new("Password", "y")], token: null);
        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);

        using var admin = await host.SignedInAsync(null, Roles.Admin);
        using var create = await admin.PostFormAsync("/Admin/Users?handler=Create",
            [new("email", "forged@example.org"), new("password", PortalHost.Password), new("roles", Roles.Admin)], token: null);
        Assert.Equal(HttpStatusCode.BadRequest, create.StatusCode);
        Assert.Equal(0, await host.Db.ScalarAsync<long>("select count(*) from portal.users where email = 'forged@example.org'"));

        using var researcher = await host.SignedInAsync(null, Roles.Researcher);
        var uploads = await host.Db.ScalarAsync<long>("select count(*) from portal.uploads");
        using var upload = await researcher.UploadAsync("forged.csv", Encoding.UTF8.GetBytes("site_code,date,species,count\n"), withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, upload.StatusCode);
        Assert.Equal(uploads, await host.Db.ScalarAsync<long>("select count(*) from portal.uploads"));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(host.StorageFolder, "incoming")));
    }

    [Fact]
    public async Task Passwords_are_stored_as_identity_hashes_and_a_wrong_one_does_not_sign_in()
    {
        var user = await host.AddUserAsync("hash-check@example.org", null, Roles.Researcher);
        var hash = await host.Db.ScalarAsync<string>($"select password_hash from portal.users where id = '{user.Id}'");
        Assert.DoesNotContain(PortalHost.Password, hash, StringComparison.Ordinal);
        Assert.Equal(0x01, Convert.FromBase64String(hash)[0]); // Identity v3 format: PBKDF2 with a salt

        using var client = host.Client();
        var token = await client.TokenAsync("/Account/Login");
        using var response = await client.PostFormAsync("/Account/Login", [new("Email", "hash-check@example.org"), new("Password", "not the password")], token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Wrong e-mail or password", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example/phish")]
    [InlineData("/\\evil.example/phish")]
    public async Task Sign_in_never_redirects_to_another_site(string returnUrl)
    {
        var email = $"redirect-{Guid.NewGuid():N}@example.org";
        await host.AddUserAsync(email, null, Roles.Researcher);
        using var client = host.Client();
        var token = await client.TokenAsync("/Account/Login");

        using var response = await client.PostFormAsync("/Account/Login?ReturnUrl=" + Uri.EscapeDataString(returnUrl),
            [new("Email", email), new("Password", PortalHost.Password), new("ReturnUrl", returnUrl)], token);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_researcher_sees_the_uploads_of_their_team_only()
    {
        using var suncheon = await host.SignedInAsync("Suncheon team", Roles.Researcher);
        using var teammate = await host.SignedInAsync("Suncheon team", Roles.Researcher);
        using var maiPo = await host.SignedInAsync("Mai Po team", Roles.Researcher);
        using var loner = await host.SignedInAsync(null, Roles.Researcher);
        using var analyst = await host.SignedInAsync(null, Roles.Analyst);
        var (path, _) = await suncheon.UploadAndReadAsync("suncheon-secret.csv", Encoding.UTF8.GetBytes("site_code,date,species,count\nKR-SCB,2025-01-12,저어새,abc\n"));

        foreach (var outsider in new[] { maiPo, loner })
        {
            using var page = await outsider.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
            using var report = await outsider.GetAsync(path + "?handler=Report");
            Assert.Equal(HttpStatusCode.NotFound, report.StatusCode);
            Assert.DoesNotContain("suncheon-secret.csv", await outsider.GetStringAsync("/Imports"), StringComparison.Ordinal);
        }
        Assert.Contains("suncheon-secret.csv", await teammate.GetStringAsync(path), StringComparison.Ordinal);
        Assert.Contains("suncheon-secret.csv", await teammate.GetStringAsync("/Imports"), StringComparison.Ordinal);
        Assert.Contains("suncheon-secret.csv", await analyst.GetStringAsync("/Imports"), StringComparison.Ordinal);
        Assert.Contains("suncheon-secret.csv", await analyst.GetStringAsync(path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_researcher_cannot_open_or_run_admin_or_analyst_actions()
    {
        using var researcher = await host.SignedInAsync("Suncheon team", Roles.Researcher);
        var token = await researcher.TokenAsync("/Upload"); // a valid token of the researcher's own session

        foreach (var path in new[] { "/Admin/Users", "/Admin/Sites", "/Reports" })
        {
            using var page = await researcher.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
            Assert.StartsWith("/Account/AccessDenied", page.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        }
        using var create = await researcher.PostFormAsync("/Admin/Users?handler=Create",
            [new("email", "escalated@example.org"), new("password", PortalHost.Password), new("roles", Roles.Admin)], token);
        Assert.Equal(HttpStatusCode.Redirect, create.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", create.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        Assert.Equal(0, await host.Db.ScalarAsync<long>("select count(*) from portal.users where email = 'escalated@example.org'"));

        var self = await host.Db.ScalarAsync<string>($"select id from portal.users where email = '{researcher.Email}'");
        using var promote = await researcher.PostFormAsync("/Admin/Users?handler=Update", [new("id", self), new("roles", Roles.Admin)], token);
        Assert.Equal(HttpStatusCode.Redirect, promote.StatusCode);
        Assert.Equal(0, await host.Db.ScalarAsync<long>(
            $"select count(*) from portal.user_roles ur join portal.roles r on r.id = ur.role_id where ur.user_id = '{self}' and r.name = 'admin'"));

        using var sites = await researcher.UploadAsync("sites.csv", Encoding.UTF8.GetBytes("site_code\n"), page: "/Upload");
        Assert.NotEqual(HttpStatusCode.OK, sites.StatusCode);
    }

    [Fact]
    public async Task An_analyst_cannot_upload()
    {
        using var analyst = await host.SignedInAsync(null, Roles.Analyst);
        using var page = await analyst.GetAsync("/Upload");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/Account/AccessDenied", page.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("../../../../../../tmp/neaspec-traversal.csv", "neaspec-traversal.csv")]
    [InlineData("..\\..\\..\\..\\tmp\\neaspec-traversal2.csv", "neaspec-traversal2.csv")]
    [InlineData("/etc/cron.d/neaspec-traversal3.csv", "neaspec-traversal3.csv")]
    [InlineData("..", "upload")]
    [InlineData("C:\\Windows\\..\\evil<script>.csv", "evil_script_.csv")]
    public async Task A_file_name_with_a_path_is_reduced_to_its_last_segment_and_never_names_the_stored_file(string sent, string shown)
    {
        using var client = await host.SignedInAsync(null, Roles.Researcher);
        var bytes = Encoding.UTF8.GetBytes($"site_code,date,species,count\nKR-SCB,2025-01-12,저어새,{Guid.NewGuid():N}\n");

        var (_, html) = await client.UploadAndReadAsync(sent, bytes);

        Assert.Contains($"<h1>{shown}</h1>", html, StringComparison.Ordinal);
        Assert.False(File.Exists("/tmp/" + shown));
        Assert.False(File.Exists("/etc/cron.d/" + shown));
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        Assert.Equal(shown, await host.Db.ScalarAsync<string>($"select original_name from portal.uploads where sha256 = '{sha}'"));
        if (shown.EndsWith(".csv", StringComparison.Ordinal))
        {
            Assert.Equal(shown, await host.Db.ScalarAsync<string>($"select original_name from imports where sha256 = '{sha}'"));
        }
        // Kept files are named by content; reports sit in folders named by a random id, never by a user's name.
        Assert.All(host.StoredFiles(), f => Assert.Matches(@"^(uploads/[0-9a-f]{2}/[0-9a-f]{64}|reports/[0-9a-f]{32}/.+\.errors\.csv|keys/key-[0-9a-f-]{36}\.xml)$", f));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(host.StorageFolder, "incoming")));
    }

    [Fact]
    public async Task An_oversized_upload_is_refused_and_nothing_is_stored()
    {
        using var client = await host.SignedInAsync(null, Roles.Researcher);
        var before = host.StoredFiles();
        var uploadsBefore = await host.Db.ScalarAsync<long>("select count(*) from portal.uploads");
        var header = "site_code,date,species,count\n";
        string Rows(long bytes) => header + string.Concat(Enumerable.Repeat("KR-SCB,2025-01-12,Platalea minor,1\n", (int)(bytes / 34) + 1));

        // Far over the limit: refused from the announced length, before the body is read.
        using var far = await client.UploadAsync("huge.csv", Encoding.UTF8.GetBytes(Rows(host.MaxUploadBytes * 3)), expectContinue: true);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, far.StatusCode);
        Assert.Contains("larger than the upload limit", await far.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Just over the limit (within the form's overhead allowance): stopped while it streams in.
        using var near = await client.UploadAsync("big.csv", Encoding.UTF8.GetBytes(Rows(host.MaxUploadBytes + 1000)));
        Assert.Equal(HttpStatusCode.OK, near.StatusCode);
        Assert.Contains("larger than the upload limit", await near.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // No Content-Length at all (chunked): stopped at the limit as it streams in.
        using var chunked = await client.UploadAsync("chunked.csv", Encoding.UTF8.GetBytes(Rows(host.MaxUploadBytes + 1000)), chunked: true);
        Assert.Equal(HttpStatusCode.OK, chunked.StatusCode);
        Assert.Contains("larger than the upload limit", await chunked.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(before, host.StoredFiles());
        Assert.Equal(uploadsBefore, await host.Db.ScalarAsync<long>("select count(*) from portal.uploads"));
    }

    [Theory]
    [InlineData("photo.csv", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D }, "binary file")]
    [InlineData("census.xlsx", new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0, 6, 0 }, "spreadsheet workbook")]
    [InlineData("census.csv", new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0, 6, 0 }, "spreadsheet workbook")]
    [InlineData("report.pdf", new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37 }, "PDF")]
    [InlineData("notes.docx.exe", new byte[] { 0x61, 0x2C, 0x62, 0x0A }, "only CSV files")]
    public async Task A_file_that_is_not_csv_is_rejected_with_a_reason_and_kept_for_audit(string name, byte[] bytes, string reason)
    {
        using var client = await host.SignedInAsync(null, Roles.Researcher);
        var unique = bytes.Concat(Encoding.ASCII.GetBytes(Guid.NewGuid().ToString("N"))).ToArray();

        var (_, html) = await client.UploadAndReadAsync(name, unique);

        Assert.Contains("status-rejected", html, StringComparison.Ordinal);
        Assert.Contains(reason, html, StringComparison.Ordinal);
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(unique));
        Assert.True(File.Exists(Path.Combine(host.StorageFolder, "uploads", sha[..2], sha)));
        Assert.Equal("not-csv", await host.Db.ScalarAsync<string>($"select kind from portal.uploads where sha256 = '{sha}'"));
    }

    [Fact]
    public async Task Formula_injection_is_stored_as_text_html_encoded_on_the_page_and_escaped_in_the_report()
    {
        using var client = await host.SignedInAsync(null, Roles.Researcher);
        const string formula = "=HYPERLINK(\"http://evil.example/x\",\"fix me\")";
        const string script = "<script>alert(1)</script>";
        var csv = $"site_code,date,species,count\nKR-SCB,2025-01-12,\"{formula.Replace("\"", "\"\"", StringComparison.Ordinal)}\",5\n" +
            $"KR-SCB,2025-01-13,{script},5\n";

        var (path, html) = await client.UploadAndReadAsync("injection.csv", Encoding.UTF8.GetBytes(csv));

        Assert.Contains("status-rejected", html, StringComparison.Ordinal);
        Assert.Contains("=HYPERLINK(&quot;http://evil.example/x&quot;,&quot;fix me&quot;)", html, StringComparison.Ordinal);
        Assert.DoesNotContain(script, html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"http://evil.example", html, StringComparison.Ordinal);
        // The ledger keeps what the file said, as text.
        Assert.Equal(1, await host.Db.ScalarAsync<long>($"select count(*) from import_errors where value = '{formula.Replace("'", "''", StringComparison.Ordinal)}'"));

        using var report = await client.GetAsync(path + "?handler=Report");
        var text = await report.Content.ReadAsStringAsync();
        Assert.Contains("'=HYPERLINK(", text, StringComparison.Ordinal);
        Assert.DoesNotMatch("(^|,)\"?[=+@-]", string.Join("\n", text.Split('\n').Skip(1).Select(l => l.Replace("'=", "", StringComparison.Ordinal))));
    }
}
