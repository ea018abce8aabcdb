using System.Net;
using System.Text;
using Neaspec.Survey.Portal.Accounts;
using Neaspec.Survey.Portal.Tests.TestUtilities;
using Neaspec.Survey.Testing;

namespace Neaspec.Survey.Portal.Tests;

/// <summary>The admin's Species page: a species file through the species importer, the catalogue back as a species file,
/// and a bad file's errors with line, column and value. A host of its own: these tests change the catalogue.</summary>
public sealed class SpeciesPageTests(PortalHost host) : IClassFixture<PortalHost>
{
    [Fact]
    public async Task An_admin_imports_the_waterbird_catalogue_and_its_download_imports_back_unchanged()
    {
        using var admin = await host.SignedInAsync(null, Roles.Admin);
        var seeded = await host.Db.ScalarAsync<long>("select count(*) from species");
        var bytes = await File.ReadAllBytesAsync(TestFiles.Sample("waterbird-species.csv"));

        using var response = await admin.UploadAsync("waterbird-species.csv", bytes, page: "/Admin/Species");

        // Razor writes CJK as character references: decoded, the page reads as the browser shows it.
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("status-succeeded", html, StringComparison.Ordinal);
        // The Spoon-billed Sandpiper's Traditional Chinese name (Taiwan's) is listed in its own column.
        Assert.Contains("<td lang=\"zh-Hant\">琵嘴鷸</td>", html, StringComparison.Ordinal);
        // 56 taxa the seed lacks (the file's 57 rows less the seeded Black-faced Spoonbill).
        Assert.Equal(seeded + 56, await host.Db.ScalarAsync<long>("select count(*) from species"));
        Assert.Equal("species", await host.Db.ScalarAsync<string>(
            $"select kind from portal.uploads where sha256 = '{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))}'"));

        // The download is a species file with every species on a line of its own; imported back it adds nothing.
        var csv = await admin.GetStringAsync("/Admin/Species?handler=Csv");
        Assert.StartsWith("scientific_name,rank,name_en,name_zh_hans,name_zh_hant,", csv, StringComparison.Ordinal);
        Assert.Equal(seeded + 56 + 1, csv.TrimEnd('\n').Split('\n').Length);
        using var again = await admin.UploadAsync("species-edited.csv", Encoding.UTF8.GetBytes(csv), page: "/Admin/Species");
        var againHtml = await again.Content.ReadAsStringAsync();
        Assert.Contains("status-succeeded", againHtml, StringComparison.Ordinal);
        Assert.Contains("0 species added", againHtml, StringComparison.Ordinal);
        Assert.Contains("0 name(s) added", againHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_species_file_lists_its_errors_and_stores_nothing()
    {
        using var admin = await host.SignedInAsync(null, Roles.Admin);
        var species = await host.Db.ScalarAsync<long>("select count(*) from species");
        var csv = "scientific_name,rank,name_en\nArdea cinerea,species,Grey Heron\nArdea purpurea,speceis,Purple Heron\n";

        using var response = await admin.UploadAsync("bad-species.csv", Encoding.UTF8.GetBytes(csv), page: "/Admin/Species");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("status-rejected", html, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">3</td><td>rank</td><td class=\"value\">speceis</td>", html, StringComparison.Ordinal);
        Assert.Equal(species, await host.Db.ScalarAsync<long>("select count(*) from species"));
    }

    [Fact]
    public async Task A_researcher_cannot_import_species()
    {
        using var researcher = await host.SignedInAsync("Team", Roles.Researcher);
        var species = await host.Db.ScalarAsync<long>("select count(*) from species");

        var token = await researcher.TokenAsync("/Upload");

        using var response = await researcher.PostFormAsync("/Admin/Species", [], token);
        using var download = await researcher.GetAsync("/Admin/Species?handler=Csv");

        foreach (var refused in new[] { response, download })
        {
            Assert.True(refused.StatusCode == HttpStatusCode.Redirect && refused.Headers.Location!.OriginalString.Contains("AccessDenied", StringComparison.Ordinal),
                $"{(int)refused.StatusCode} {refused.Headers.Location}");
        }
        Assert.Equal(species, await host.Db.ScalarAsync<long>("select count(*) from species"));
    }
}
