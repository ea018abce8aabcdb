using System.Net;
using System.Text;
using Neaspec.Survey.Ingestion.Sites;
using Neaspec.Survey.Portal.Accounts;
using Neaspec.Survey.Portal.Tests.TestUtilities;

namespace Neaspec.Survey.Portal.Tests;

/// <summary>Uploading as a field researcher: accepted and rejected rows at once, history, kept files.</summary>
public sealed class UploadTests(PortalHost host) : IClassFixture<PortalHost>
{


    internal static async Task ImportSampleSitesAsync(PortalHost host)
    {
        var result = await host.Db.Database.ImportAsync(new SiteImporter(), TestFiles.Sample("sites.csv"));
        Assert.True(result.Status is "succeeded" or "unchanged", result.Message);
    }

    [Fact]
    public async Task The_sample_census_is_accepted_shown_in_history_and_kept_under_its_sha256()
    {
        await ImportSampleSitesAsync(host);
        using var client = await host.SignedInAsync("Spoonbill census", Roles.Researcher);
        var bytes = await File.ReadAllBytesAsync(TestFiles.Sample("spoonbill-census-2025-01.csv"));

        var (path, html) = await client.UploadAndReadAsync("spoonbill-census-2025-01.csv", bytes);

        Assert.Contains("status-succeeded", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\" id=\"rows-accepted\">9</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\" id=\"rows-rejected\">0</td>", html, StringComparison.Ordinal);
        var history = await client.GetStringAsync("/Imports");
        Assert.Contains(path, history, StringComparison.Ordinal);
        Assert.Contains("spoonbill-census-2025-01.csv", history, StringComparison.Ordinal);
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        var kept = Path.Combine(host.StorageFolder, "uploads", sha[..2], sha);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(kept));
        Assert.Equal(9, await host.Db.ScalarAsync<long>(
            $"select count(*) from counts c join imports i on i.id = c.import_id where i.sha256 = '{sha}'"));
        Assert.Equal(client.Email, await host.Db.ScalarAsync<string>($"select imported_by from imports where sha256 = '{sha}'"));

        // The same bytes again: nothing to do, and said so.
        var (_, again) = await client.UploadAndReadAsync("copy.csv", bytes);
        Assert.Contains("status-unchanged", again, StringComparison.Ordinal);
        Assert.Contains("already imported", again, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_file_is_rejected_row_by_row_with_a_downloadable_report()
    {
        using var client = await host.SignedInAsync("Suncheon team", Roles.Researcher);
        var csv = "site_code,date,species,count\nKR-SCB,2025-01-12,저어새,abc\nKR-SCB,2025-13-40,저어새,5\n";

        var (path, html) = await client.UploadAndReadAsync("bad.csv", Encoding.UTF8.GetBytes(csv));

        Assert.Contains("status-rejected", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">2</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">3</td>", html, StringComparison.Ordinal);
        Assert.Contains("abc", html, StringComparison.Ordinal);
        Assert.Contains("2025-13-40", html, StringComparison.Ordinal);
        using var report = await client.GetAsync(path + "?handler=Report");
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.Equal("bad.csv.errors.csv", report.Content.Headers.ContentDisposition?.FileNameStar ?? report.Content.Headers.ContentDisposition?.FileName);
        var lines = (await report.Content.ReadAsStringAsync()).Trim().Split('\n');
        Assert.Equal("file,line,column,value,reason", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("bad.csv,2,", StringComparison.Ordinal) && l.Contains("abc", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Accepting_partial_loads_the_good_rows_and_lists_the_bad_ones()
    {
        await ImportSampleSitesAsync(host);
        using var client = await host.SignedInAsync("Hakata team", Roles.Researcher);
        var csv = "site_code,date,species,count\nJP-HKB,2025-02-01,Platalea minor,80\nJP-HKB,2025-02-02,Platalea minor,-3\n";

        var (_, html) = await client.UploadAndReadAsync("partial.csv", Encoding.UTF8.GetBytes(csv), acceptPartial: true);

        Assert.Contains("status-partial", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\" id=\"rows-accepted\">1</td>", html, StringComparison.Ordinal);
        Assert.Contains("-3", html, StringComparison.Ordinal);
        Assert.DoesNotContain("--accept-partial", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("location-long")]
    [InlineData("location_long")]
    [InlineData("location.long")]
    public async Task A_movebank_file_is_recognised_loaded_and_answered_with_its_counts(string longitude)
    {
        using var client = await host.SignedInAsync("Crane telemetry", Roles.Researcher);
        // Four rows: three with coordinates (one of them twice), one without a location.
        var study = "Cranes " + longitude;
        var csv = $"event-id,visible,timestamp,{longitude},location-lat,individual-local-identifier,study-name\n" +
            $"1,true,2024-10-01 00:00:00.000,127.2,38.2,GM-01,{study}\n" +
            $"2,true,2024-10-01 01:00:00.000,127.21,38.21,GM-01,{study}\n" +
            $"3,true,2024-10-01 02:00:00.000,,,GM-01,{study}\n" +
            $"4,true,2024-10-01 03:00:00.000,127.22,38.22,GM-01,{study}\n" +
            $"4,true,2024-10-01 03:00:00.000,127.22,38.22,GM-01,{study}\n";
        var bytes = Encoding.UTF8.GetBytes(csv);

        var (_, html) = await client.UploadAndReadAsync($"cranes-{longitude}.csv", bytes);

        Assert.Contains("status-succeeded", html, StringComparison.Ordinal);
        Assert.Contains("movebank", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\" id=\"rows-accepted\">3</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\" id=\"duplicates\">1</td>", html, StringComparison.Ordinal);
        Assert.Contains("1 rows without location", html, StringComparison.Ordinal);
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        Assert.True(File.Exists(Path.Combine(host.StorageFolder, "uploads", sha[..2], sha)));
        var importId = await host.Db.ScalarAsync<long>($"select id from imports where sha256 = '{sha}'");
        Assert.Equal(3, await host.Db.ScalarAsync<long>($"select count(*) from fixes where import_id = {importId}"));
        Assert.Equal(client.Email, await host.Db.ScalarAsync<string>($"select imported_by from imports where id = {importId}"));
    }

    [Fact]
    public async Task A_gzipped_movebank_file_is_loaded()
    {
        using var client = await host.SignedInAsync("Crane telemetry", Roles.Researcher);
        var csv = "event-id,timestamp,location-long,location-lat,individual-local-identifier,study-name\n" +
            "1,2024-11-01 00:00:00.000,130.2,32.1,GM-07,Gzip cranes\n2,2024-11-01 01:00:00.000,130.21,32.11,GM-07,Gzip cranes\n";
        using var buffer = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(buffer, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(csv));
        }
        var bytes = buffer.ToArray();

        var (_, html) = await client.UploadAndReadAsync("cranes.csv.gz", bytes);

        Assert.Contains("status-succeeded", html, StringComparison.Ordinal);
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        Assert.Equal(2, await host.Db.ScalarAsync<long>(
            $"select count(*) from fixes f join imports i on i.id = f.import_id where i.sha256 = '{sha}'"));

        // A gzip file that is not Movebank tracks is refused with the reason, nothing stored.
        using var other = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(other, System.IO.Compression.CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes("site_code,date,species,count\nKR-SCB,2025-01-12,Platalea minor,3\n"));
        }
        var (_, refused) = await client.UploadAndReadAsync("counts.csv.gz", other.ToArray());
        Assert.Contains("status-rejected", refused, StringComparison.Ordinal);
        Assert.Contains("only for Movebank tracks", refused, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_movebank_file_shows_its_line_error_and_stores_nothing()
    {
        using var client = await host.SignedInAsync("Crane telemetry", Roles.Researcher);
        var csv = "event-id,timestamp,location-long,location-lat,individual-local-identifier,study-name\n" +
            "1,2024-10-01 00:00:00.000,127.2,38.2,GM-02,Bad cranes\n" +
            "2,2024-13-45 00:00:00.000,127.3,38.3,GM-02,Bad cranes\n";
        var bytes = Encoding.UTF8.GetBytes(csv);

        var (path, html) = await client.UploadAndReadAsync("bad-cranes.csv", bytes);

        Assert.Contains("status-rejected", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">3</td>", html, StringComparison.Ordinal);
        Assert.Contains("2024-13-45", html, StringComparison.Ordinal);
        Assert.DoesNotContain("--accept-partial", html, StringComparison.Ordinal);
        Assert.Contains("Load the good rows", html, StringComparison.Ordinal);
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
        Assert.Equal(0, await host.Db.ScalarAsync<long>(
            $"select count(*) from fixes f join imports i on i.id = f.import_id where i.sha256 = '{sha}'"));
        using var report = await client.GetAsync(path + "?handler=Report");
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        var lines = (await report.Content.ReadAsStringAsync()).Trim().Split('\n');
        Assert.Contains(lines, l => l.StartsWith("bad-cranes.csv,3,", StringComparison.Ordinal) && l.Contains("2024-13-45", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_empty_form_asks_for_a_file()
    {
        using var client = await host.SignedInAsync(null, Roles.Researcher);

        using var none = await client.UploadAsync("", null);
        using var empty = await client.UploadAsync("empty.csv", []);

        Assert.Equal(HttpStatusCode.OK, none.StatusCode);
        Assert.Contains("Choose a file", await none.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("empty.csv is empty", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
