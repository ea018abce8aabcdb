using System.Diagnostics;
using System.Net;
using Neaspec.Survey.Portal.Tests.TestUtilities;

namespace Neaspec.Survey.Portal.Tests;

/// <summary><c>neaspec portal create-admin</c> as an operator runs it: the password never on the command line.</summary>
public sealed class CliTests(PortalHost host) : IClassFixture<PortalHost>
{
    private Task<(int Code, string Out, string Err)> RunAsync(string? stdin, string? passwordVariable, params string[] args) =>
        NeaspecProcess.RunAsync(host.Db.ConnectionString, args, psi =>
        {
            psi.Environment.Remove("NEASPEC_ADMIN_PASSWORD");
            if (passwordVariable is not null)
            {
                psi.Environment["NEASPEC_ADMIN_PASSWORD"] = passwordVariable;
            }
            psi.Environment["NEASPEC_Portal__StorageFolder"] = host.StorageFolder;
        }, stdin);

    [Fact]
    public async Task Create_admin_takes_the_password_from_the_environment_and_the_admin_can_sign_in()
    {
        var (code, stdout, stderr) = await RunAsync(null, "first admin passphrase", "portal", "create-admin", "--email", "first@example.org");

        Assert.True(code == 0, stderr);
        Assert.Contains("admin first@example.org created", stdout, StringComparison.Ordinal);
        using var client = host.Client();
        await client.SignInAsync("first@example.org", "first admin passphrase");
        Assert.Contains("<h1>Users</h1>", await client.GetStringAsync("/Admin/Users"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_admin_reads_the_password_from_standard_input_and_resets_an_existing_account()
    {
        Assert.Equal(0, (await RunAsync("stdin passphrase one", null, "portal", "create-admin", "--email", "stdin@example.org")).Code);
        var (code, stdout, stderr) = await RunAsync("stdin passphrase two", null, "portal", "create-admin", "--email", "stdin@example.org");

        Assert.True(code == 0, stderr);
        Assert.Contains("password replaced", stdout, StringComparison.Ordinal);
        using var client = host.Client();
        await client.SignInAsync("stdin@example.org", "stdin passphrase two");
    }

    [Fact]
    public async Task Create_admin_without_a_password_or_with_a_short_one_says_why_and_creates_nobody()
    {
        var none = await RunAsync(null, null, "portal", "create-admin", "--email", "nopass@example.org");
        Assert.Equal(1, none.Code);
        Assert.Contains("NEASPEC_ADMIN_PASSWORD", none.Err, StringComparison.Ordinal);

        var weak = await RunAsync(null, "short", "portal", "create-admin", "--email", "weak@example.org");
        Assert.Equal(2, weak.Code);
        Assert.Contains("at least 12 characters", weak.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", weak.Err, StringComparison.Ordinal);
        Assert.Equal(0, await host.Db.ScalarAsync<long>("select count(*) from portal.users where email in ('nopass@example.org', 'weak@example.org')"));
    }

    [Fact]
    public async Task Serve_starts_the_portal_on_the_given_address()
    {
        var port = FreePort();
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "neaspec.dll"), "--connection", host.Db.ConnectionString,
                     "portal", "serve", "--urls", $"http://127.0.0.1:{port}" })
        {
            psi.ArgumentList.Add(a);
        }
        psi.Environment["NEASPEC_Portal__StorageFolder"] = host.StorageFolder;
        using var process = Process.Start(psi)!;
        try
        {
            // Polled until the portal answers, however long a busy machine takes to start it; the bound only stops a
            // hung start from hanging the suite.
            using var hang = new CancellationTokenSource(TimeSpan.FromMinutes(5));
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            HttpResponseMessage? page = null;
            while (page is null)
            {
                try
                {
                    page = await http.GetAsync("/Account/Login", hang.Token);
                }
                catch (HttpRequestException)
                {
                    if (process.HasExited)
                    {
                        Assert.Fail("portal serve stopped: " + await process.StandardError.ReadToEndAsync());
                    }
                    await Task.Delay(200, hang.Token);
                }
            }
            Assert.NotNull(page);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("<h1>Sign in</h1>", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            page.Dispose();
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
