using System.IO.Compression;
using System.Net;
using Neaspec.Survey.Ingestion.Counts;
using Neaspec.Survey.Portal.Accounts;
using Neaspec.Survey.Portal.Tests.TestUtilities;

namespace Neaspec.Survey.Portal.Tests;

/// <summary>Sharing in the portal: analysts download a Darwin Core Archive of every survey (they read every
/// upload); admins mark sites and species sensitive, and the archive generalises them; researchers do neither.</summary>
public sealed class SharingTests(PortalHost host) : IClassFixture<PortalHost>
{
    private async Task LoadSampleAsync()
    {
        await UploadTests.ImportSampleSitesAsync(host);
        foreach (var file in new[] { "spoonbill-census-2025-01.csv", "crane-counts-2024-2025.csv" })
        {
            var counts = await host.Db.Database.ImportAsync(new CountImporter(), TestFiles.Sample(file));
            Assert.True(counts.Status is "succeeded" or "unchanged", counts.Message);
        }
    }

    private static async Task<(ZipArchive Zip, string[] Events, string[] Occurrences)> ReadArchiveAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        string[] Lines(string name)
        {
            using var reader = new StreamReader(zip.GetEntry(name)!.Open());
            return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }
        return (zip, Lines("event.txt"), Lines("occurrence.txt"));
    }

    [Fact]
    public async Task An_analyst_downloads_the_counts_archive_and_a_filtered_one()
    {
        await LoadSampleAsync();
        using var analyst = await host.SignedInAsync(null, Roles.Analyst);
        var token = await analyst.TokenAsync("/Reports/Archive");

        using var all = await analyst.PostFormAsync("/Reports/Archive", [new("Kind", "counts")], token);
        var (zip, events, occurrences) = await ReadArchiveAsync(all);
        Assert.Equal(["event.txt", "occurrence.txt", "meta.xml", "eml.xml"], zip.Entries.Select(e => e.FullName));
        Assert.Equal(1 + 26, events.Length); // header + the 26 surveys with a count (see the Sharing tests)
        Assert.Equal(1 + 40, occurrences.Length);

        using var hooded = await analyst.PostFormAsync("/Reports/Archive",
            [new("Kind", "counts"), new("Species", "흑두루미"), new("From", "2024-11-01"), new("To", "2025-02-28"), new("Countries", "KR"), new("Title", "Hooded Cranes in Korea")], token);
        var (_, _, hoodedOccurrences) = await ReadArchiveAsync(hooded);
        // Suncheon 7305 and 6980, Cheorwon 12.
        Assert.Equal(["12", "6980", "7305"], hoodedOccurrences.Skip(1).Select(l => l.Split('\t')[7]).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(host.StoredFiles(), f => f.EndsWith(".partial", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Problems_are_listed_on_the_page_and_nothing_is_downloaded()
    {
        using var analyst = await host.SignedInAsync(null, Roles.Analyst);
        var token = await analyst.TokenAsync("/Reports/Archive");

        using var response = await analyst.PostFormAsync("/Reports/Archive",
            [new("Kind", "counts"), new("Species", "Dodo"), new("From", "2025-03-01"), new("To", "2025-01-01"), new("Countries", "ZZ")], token);

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"archive-problems\"", html, StringComparison.Ordinal);
        Assert.Contains("species &#x27;Dodo&#x27;: not in the species catalogue", html, StringComparison.Ordinal);
        Assert.Contains("from 2025-03-01 is after to 2025-01-01", html, StringComparison.Ordinal);
        Assert.Contains("country &#x27;ZZ&#x27;: not an ISO 3166-1 alpha-2 country code", html, StringComparison.Ordinal);

        using var badDate = await analyst.PostFormAsync("/Reports/Archive", [new("Kind", "counts"), new("From", "18/01/2025")], token);
        Assert.Contains("from: &#x27;18/01/2025&#x27; is not a date like 2025-01-18", await badDate.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_marks_a_site_and_a_species_sensitive_and_the_archive_generalises_them()
    {
        await LoadSampleAsync();
        using var admin = await host.SignedInAsync(null, Roles.Admin);
        var sitesToken = await admin.TokenAsync("/Admin/Sites");
        using var site = await admin.PostFormAsync("/Admin/Sites?handler=Sensitive", [new("code", "JP-IZM"), new("sensitive", "true")], sitesToken);
        Assert.Contains("JP-IZM: sensitive.", await site.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var speciesToken = await admin.TokenAsync("/Admin/Species");
        using var species = await admin.PostFormAsync("/Admin/Species?handler=Sensitive", [new("name", "Grus japonensis"), new("sensitive", "true")], speciesToken);
        Assert.Contains("Grus japonensis: sensitive.", await species.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(await host.Db.ScalarAsync<bool>("select is_sensitive from sites where code = 'JP-IZM'"));
        Assert.True(await host.Db.ScalarAsync<bool>("select is_sensitive from species where scientific_name = 'Grus japonensis'"));

        try
        {
            var token = await admin.TokenAsync("/Reports/Archive");
            using var response = await admin.PostFormAsync("/Reports/Archive", [new("Kind", "counts")], token);
            var (_, events, _) = await ReadArchiveAsync(response);
            var text = string.Join("\n", events);
            // Izumi (3 visits) and Cheorwon, where the Red-crowned Crane was counted (3 visits), are generalised.
            Assert.Equal(6, events.Count(e => e.Contains("grid cell", StringComparison.Ordinal)));
            Assert.DoesNotContain("JP-IZM", text, StringComparison.Ordinal);
            Assert.DoesNotContain("KR-CWN", text, StringComparison.Ordinal);
            Assert.Contains("KR-SCB", text, StringComparison.Ordinal);
        }
        finally
        {
            using var undoSite = await admin.PostFormAsync("/Admin/Sites?handler=Sensitive", [new("code", "JP-IZM"), new("sensitive", "false")], sitesToken);
            using var undoSpecies = await admin.PostFormAsync("/Admin/Species?handler=Sensitive", [new("name", "Grus japonensis"), new("sensitive", "false")], speciesToken);
        }
    }

    [Fact]
    public async Task A_researcher_can_neither_download_an_archive_nor_mark_anything_sensitive()
    {
        await UploadTests.ImportSampleSitesAsync(host);
        using var researcher = await host.SignedInAsync("Team", Roles.Researcher);
        var token = await researcher.TokenAsync("/Upload");

        using var page = await researcher.GetAsync("/Reports/Archive");
        using var download = await researcher.PostFormAsync("/Reports/Archive", [new("Kind", "counts")], token);
        using var site = await researcher.PostFormAsync("/Admin/Sites?handler=Sensitive", [new("code", "KR-SCB"), new("sensitive", "true")], token);
        using var species = await researcher.PostFormAsync("/Admin/Species?handler=Sensitive", [new("name", "Grus monacha"), new("sensitive", "true")], token);

        foreach (var response in new[] { page, download, site, species })
        {
            Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("AccessDenied", StringComparison.Ordinal),
                $"{(int)response.StatusCode} {response.Headers.Location}");
        }
        Assert.False(await host.Db.ScalarAsync<bool>("select is_sensitive from sites where code = 'KR-SCB'"));
        Assert.False(await host.Db.ScalarAsync<bool>("select is_sensitive from species where scientific_name = 'Grus monacha'"));
    }
}
