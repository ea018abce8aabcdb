using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Neaspec.Survey.Portal.Accounts;
using Neaspec.Survey.Portal.Tests.TestUtilities;
using Neaspec.Survey.Portal.Uploads;

namespace Neaspec.Survey.Portal.Tests;

/// <summary>Uploads as an attacker or an unlucky field team sends them: the same bytes forty times at once,
/// a gzip bomb, a client that goes away. Every upload ends with its file's fate; none stays running, none
/// takes the portal's memory.</summary>
public sealed class HostileUploadTests(PortalHost host) : IClassFixture<PortalHost>
{
    [Fact]
    public async Task Forty_identical_uploads_at_once_end_as_one_import_and_the_others_unchanged()
    {
        await UploadTests.ImportSampleSitesAsync(host);
        using var client = await host.SignedInAsync("Crowd", Roles.Researcher);
        var csv = new StringBuilder("site_code,date,species,count\n");
        for (var d = 0; d < 300; d++)
        {
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"KR-SCB,{new DateOnly(2023, 1, 1).AddDays(d):yyyy-MM-dd},Platalea minor,{d}\n");
        }
        var bytes = Encoding.UTF8.GetBytes(csv.ToString());
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));

        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
        {
            using var response = await client.UploadAsync($"same-{i}.csv", bytes);
            return response.StatusCode;
        }));

        Assert.All(responses, code => Assert.Equal(HttpStatusCode.Redirect, code));
        var statuses = await host.Db.ScalarAsync<string>(
            $"select string_agg(status || ':' || n, ',' order by status) from (select status, count(*) n from portal.uploads where sha256 = '{sha}' group by status) s");
        var others = await host.Db.ScalarAsync<string?>(
            $"select string_agg(distinct message, ' | ') from portal.uploads where sha256 = '{sha}' and status not in ('succeeded', 'unchanged')");
        Assert.True(statuses == "succeeded:1,unchanged:39", $"{statuses}: {others}");
        Assert.Equal(1L, await host.Db.ScalarAsync<long>($"select count(*) from imports where sha256 = '{sha}'"));
        Assert.Equal(0L, await host.Db.ScalarAsync<long>("select count(*) from imports where status = 'running'"));
        Assert.Equal(300L, await host.Db.ScalarAsync<long>($"select count(*) from counts c join imports i on i.id = c.import_id where i.sha256 = '{sha}'"));
    }

    [Fact]
    public async Task A_gzip_bomb_upload_is_refused_at_its_endless_line_naming_the_limit()
    {
        using var client = await host.SignedInAsync("Bombers", Roles.Researcher);
        var path = Path.Combine(host.StorageFolder, "bomb.csv.gz");
        GzipBomb.Write(path, members: 2);
        var bytes = await File.ReadAllBytesAsync(path);
        File.Delete(path);

        var (_, html) = await client.UploadAndReadAsync("bomb.csv.gz", bytes);

        Assert.Contains("status-rejected", html, StringComparison.Ordinal);
        Assert.Contains("Import:Limits:MaxLineBytes", html, StringComparison.Ordinal);
        Assert.Equal(0L, await host.Db.ScalarAsync<long>("select count(*) from fixes"));
    }

    [Fact]
    public async Task An_upload_whose_client_has_gone_stops_records_nothing_and_leaves_nothing_running()
    {
        var user = await host.AddUserAsync($"gone-{Guid.NewGuid():N}@example.org", "Gone", Roles.Researcher);
        using var scope = host.Services.CreateScope();
        var processor = scope.ServiceProvider.GetRequiredService<UploadProcessor>();
        using var gone = new CancellationTokenSource();
        var bytes = Encoding.UTF8.GetBytes("site_code,date,species,count\nKR-SCB,2024-02-02,Platalea minor,3\n");
        await using var body = new GoneAtTheEnd(bytes, gone);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => processor.ProcessAsync(user, body, "gone.csv", false, gone.Token));

        Assert.Equal(0L, await host.Db.ScalarAsync<long>("select count(*) from portal.uploads where original_name = 'gone.csv'"));
        Assert.Equal(0L, await host.Db.ScalarAsync<long>("select count(*) from imports where status = 'running'"));
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(host.StorageFolder, "incoming")));
    }

    /// <summary>An upload body whose client goes away the moment its last byte is read: the import that
    /// would follow starts with the request's token already cancelled.</summary>
    private sealed class GoneAtTheEnd(byte[] bytes, CancellationTokenSource gone) : MemoryStream(bytes)
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var n = await base.ReadAsync(buffer, cancellationToken);
            if (n == 0)
            {
                await gone.CancelAsync();
            }
            return n;
        }
    }
}
