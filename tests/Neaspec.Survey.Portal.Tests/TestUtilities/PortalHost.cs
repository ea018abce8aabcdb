using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Neaspec.Survey.Testing;
using Neaspec.Survey.Portal;
using Neaspec.Survey.Portal.Accounts;

namespace Neaspec.Survey.Portal.Tests.TestUtilities;

/// <summary>The portal running for real on Kestrel, bound to a free loopback port, on a throwaway PostGIS
/// database and a storage folder of its own. Use as a class fixture (a subclass may replace services).</summary>
public class PortalHost : IAsyncLifetime
{
    public const string Password = "correct horse battery staple";

    private WebApplication app = null!;

    public PostgisDatabase Db { get; private set; } = null!;

    public string StorageFolder { get; } = Directory.CreateTempSubdirectory("neaspec-portal-").FullName;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The upload limit this host runs with (small, so the oversize test sends little).</summary>
    public long MaxUploadBytes { get; init; } = 256 * 1024;

    public IServiceProvider Services => app.Services;

    /// <summary>Runs after the portal's own service registrations (e.g. to wrap a service in a counting one).</summary>
    protected Action<IServiceCollection>? ConfigureServices { get; init; }

    public async Task InitializeAsync()
    {
        Db = await PostgisDatabase.CreateAsync();
        app = PortalApp.Build(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Survey"] = Db.ConnectionString,
            ["Portal:StorageFolder"] = StorageFolder,
            ["Portal:MaxUploadBytes"] = MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["urls"] = "http://127.0.0.1:0",
            ["Logging:LogLevel:Default"] = "Warning",
        }, ConfigureServices);
        await PortalApp.MigrateAsync(app.Services);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address);
    }

    public async Task DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
        await Db.DisposeAsync();
        Directory.Delete(StorageFolder, recursive: true);
    }

    /// <summary>Adds an account (password <see cref="Password"/>).</summary>
    public async Task<PortalUser> AddUserAsync(string email, string? team, params string[] roles)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true, Team = team };
        var result = await users.CreateAsync(user, Password);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        Assert.True((await users.AddToRolesAsync(user, roles)).Succeeded);
        return user;
    }

    /// <summary>A browser-like client: cookies kept, redirects not followed (tests look at them).</summary>
    public PortalClient Client() => new(BaseAddress);

    /// <summary>A signed-in client for a new account with the given roles.</summary>
    public async Task<PortalClient> SignedInAsync(string? team, params string[] roles)
    {
        var email = $"{roles.FirstOrDefault() ?? "none"}-{Guid.NewGuid():N}"[..24] + "@example.org";
        await AddUserAsync(email, team, roles);
        var client = Client();
        await client.SignInAsync(email, Password);
        return client;
    }

    /// <summary>Every route the application maps, with parameters filled in (1).</summary>
    public IReadOnlyList<string> RoutePaths()
    {
        var paths = Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => "/" + string.Join("/", e.RoutePattern.PathSegments.Select(s =>
                string.Concat(s.Parts.Select(p => p is RoutePatternLiteralPart l ? l.Content : "1")))))
            .Distinct().ToList();
        Assert.True(paths.Count >= 10, "expected the portal's pages among the endpoints: " + string.Join(" ", paths));
        return paths;
    }

    /// <summary>Every file under the storage folder, relative to it.</summary>
    public IReadOnlyList<string> StoredFiles() =>
        Directory.EnumerateFiles(StorageFolder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(StorageFolder, f)).Order(StringComparer.Ordinal).ToList();
}

/// <summary>An HttpClient that signs in, fetches antiforgery tokens from forms and uploads files.</summary>
public sealed partial class PortalClient(Uri baseAddress) : IDisposable
{
    private readonly HttpClient http = new(new SocketsHttpHandler
    {
        CookieContainer = new CookieContainer(),
        AllowAutoRedirect = false,
        // An upload sent with "Expect: 100-continue" waits for the server's word before its body, however
        // slow a loaded machine makes the server (the default wait is 1 s, then the body goes anyway).
        Expect100ContinueTimeout = TimeSpan.FromMinutes(5),
    })
    {
        BaseAddress = baseAddress,
    };

    public string? Email { get; private set; }

    public Task<HttpResponseMessage> GetAsync(string path) => http.GetAsync(path);

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request) => http.SendAsync(request);

    public async Task<string> GetStringAsync(string path)
    {
        using var response = await http.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {response.Headers.Location}");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The antiforgery token of the first form on a page.</summary>
    public async Task<string> TokenAsync(string page)
    {
        var html = await GetStringAsync(page);
        var match = TokenField().Match(html);
        Assert.True(match.Success, $"no antiforgery token on {page}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public async Task<HttpResponseMessage> PostFormAsync(string path, IEnumerable<KeyValuePair<string, string>> fields, string? token)
    {
        var all = fields.ToList();
        if (token is not null)
        {
            all.Add(new("__RequestVerificationToken", token));
        }
        using var content = new FormUrlEncodedContent(all);
        return await http.PostAsync(path, content);
    }

    public async Task SignInAsync(string email, string password)
    {
        var token = await TokenAsync("/Account/Login");
        using var response = await PostFormAsync("/Account/Login", [new("Email", email), new("Password", password)], token);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in of {email}: {(int)response.StatusCode}");
        Email = email;
    }

    /// <summary>Posts a file to the upload page the way a browser does (multipart, with the form's token).</summary>
    public async Task<HttpResponseMessage> UploadAsync(string fileName, byte[]? bytes, bool acceptPartial = false, string page = "/Upload",
        bool withToken = true, bool chunked = false, bool expectContinue = false)
    {
        var token = await TokenAsync(page);
        using var form = new MultipartFormDataContent();
        if (withToken)
        {
            form.Add(new StringContent(token), "__RequestVerificationToken");
        }
        if (acceptPartial)
        {
            form.Add(new StringContent("true"), "AcceptPartial");
        }
        if (bytes is not null)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
            form.Add(file, "File", fileName);
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, page) { Content = form };
        // A refusal from the announced length arrives before the body is sent, so the client never writes
        // into a connection the server has already closed (a broken pipe instead of the answer).
        request.Headers.ExpectContinue = expectContinue;
        if (chunked)
        {
            // No Content-Length: the server learns the size only by reading.
            request.Headers.TransferEncodingChunked = true;
            await form.LoadIntoBufferAsync();
            request.Content = new StreamContent(await form.ReadAsStreamAsync());
            foreach (var header in form.Headers)
            {
                request.Content.Headers.TryAddWithoutValidation(header.Key, header.Value);
            }
            request.Content.Headers.ContentLength = null;
        }
        return await http.SendAsync(request);
    }

    /// <summary>Uploads and follows the redirect to the upload's page; returns its path and HTML.</summary>
    public async Task<(string Path, string Html)> UploadAndReadAsync(string fileName, byte[] bytes, bool acceptPartial = false)
    {
        using var response = await UploadAsync(fileName, bytes, acceptPartial);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect,
            $"upload of {fileName}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var path = response.Headers.Location!.OriginalString;
        return (path, await GetStringAsync(path));
    }

    public void Dispose() => http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();
}
