using System.Net;
using Neaspec.Survey.Portal.Accounts;
using Neaspec.Survey.Portal.Tests.TestUtilities;

namespace Neaspec.Survey.Portal.Tests;

/// <summary>The admins' Seasons page: a species' own window set (the defaults copied for it first), a bad window
/// refused, and back to the defaults; analysts cannot change windows.</summary>
public sealed class SeasonsPageTests(PortalHost host) : IClassFixture<PortalHost>
{
    [Fact]
    public async Task An_admin_sets_a_species_window_and_resets_it()
    {
        using var admin = await host.SignedInAsync(null, Roles.Admin);
        var token = await admin.TokenAsync("/Admin/Seasons");

        using var set = await admin.PostFormAsync("/Admin/Seasons?handler=Set",
            [new("species", "Hooded Crane"), new("season", "autumn"), new("window", "09-01..11-30"), new("timeZone", "Asia/Seoul")], token);
        var page = WebUtility.HtmlDecode(await set.Content.ReadAsStringAsync());
        Assert.Contains("Grus monacha autumn: 09-01..11-30, dates in Asia/Seoul (Grus monacha had no windows of its own: the default ones were copied for it first).",
            page, StringComparison.Ordinal);
        Assert.Equal(4L, await host.Db.ScalarAsync<long>("select count(*) from seasons where species = 'Grus monacha'"));
        Assert.Equal("09-01|Asia/Seoul", await host.Db.ScalarAsync<string>("select start_md || '|' || time_zone from seasons where species = 'Grus monacha' and name = 'autumn'"));

        using var bad = await admin.PostFormAsync("/Admin/Seasons?handler=Set", [new("season", "spring"), new("window", "03-01..02-30")], token);
        Assert.Contains("window: '03-01..02-30' is not a window MM-DD..MM-DD", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal("03-01", await host.Db.ScalarAsync<string>("select start_md from seasons where species is null and name = 'spring'"));

        using var reset = await admin.PostFormAsync("/Admin/Seasons?handler=Reset", [new("species", "Grus monacha")], token);
        Assert.Contains("Grus monacha: 4 own window(s) deleted", await reset.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0L, await host.Db.ScalarAsync<long>("select count(*) from seasons where species is not null"));
    }

    [Fact]
    public async Task An_analyst_cannot_change_windows()
    {
        using var analyst = await host.SignedInAsync(null, Roles.Analyst);
        var token = await analyst.TokenAsync("/Reports");

        using var response = await analyst.PostFormAsync("/Admin/Seasons?handler=Set", [new("season", "winter"), new("window", "11-01..03-31")], token);

        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound
            || response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("AccessDenied", StringComparison.Ordinal),
            $"{(int)response.StatusCode} {response.Headers.Location}");
        Assert.Equal("12-01", await host.Db.ScalarAsync<string>("select start_md from seasons where species is null and name = 'winter'"));
    }
}
