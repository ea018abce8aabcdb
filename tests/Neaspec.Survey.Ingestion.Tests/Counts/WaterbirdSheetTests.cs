using Neaspec.Survey.Ingestion.Catalogue;
using Neaspec.Survey.Ingestion.Counts;
using Neaspec.Survey.Ingestion.Sites;
using Neaspec.Survey.Storage.Model;
using Neaspec.Survey.Testing;

namespace Neaspec.Survey.Ingestion.Tests.Counts;

/// <summary>The kind of sheet teams really send: one January waterbird count (Asian Waterbird Census style) from five
/// sites, each team writing species in its own way — Taiwan in Traditional Chinese, Hong Kong in English and
/// Traditional Chinese, Korea in Hangul, Japan in Katakana (and one Hiragana), the Yellow River Delta in Simplified
/// Chinese, and a genus-level "Calidris sp." row. Refused on the seed catalogue, loaded whole once an admin has
/// imported the waterbird catalogue.</summary>
public sealed class WaterbirdSheetTests
{
    private static string Sheet => TestFiles.Data("counts/awc-2025-01-waterbirds.csv");

    [Fact]
    public async Task The_sheet_loads_whole_once_the_waterbird_catalogue_is_imported()
    {
        await using var db = await PostgisDatabase.CreateAsync();
        Assert.Equal(ImportStatus.Succeeded, (await db.Database.ImportAsync(new SiteImporter(), TestFiles.Sample("sites.csv"))).Status);

        // The seed catalogue knows the cranes, storks, swans and spoonbills, not the herons, ducks and waders: refused
        // whole, the first unknown name on line 3 (蒼鷺, Grey Heron), nothing stored.
        var before = await db.Database.ImportAsync(new CountImporter(), Sheet);
        Assert.Equal(ImportStatus.Rejected, before.Status);
        Assert.Contains(before.Errors, e => e is { Line: 3, Column: "species", Value: "蒼鷺" });
        Assert.Equal(0, await db.ScalarAsync<long>("select count(*) from counts"));

        var catalogue = await db.Database.ImportAsync(new SpeciesImporter(), TestFiles.Sample("waterbird-species.csv"));
        Assert.Equal(ImportStatus.Succeeded, catalogue.Status);
        var after = await db.Database.ImportAsync(new CountImporter(), Sheet);

        // 130 lines, one of them the header.
        Assert.Equal(ImportStatus.Succeeded, after.Status);
        Assert.Equal((129L, 129L), (after.RowsRead, after.RowsAccepted));
        Assert.Equal(129L, await db.ScalarAsync<long>("select count(*) from counts"));
    }

    [Theory]
    // Sums over the sheet's rows by hand, one spelling per team:
    // Great Cormorant: 鸕鷀 (TW, line 7) 1160 + 鸕鶿 (HK, line 36; the other Traditional form of the same word) 2840
    //   + 민물가마우지 (KR, line 77) 150 + カワウ (JP, line 95) 240 + 普通鸬鹚 (CN, line 127) 900 = 5290.
    [InlineData("Phalacrocorax carbo", 5, 5290)]
    // Black-faced Spoonbill: 黑面琵鷺 3412 + Black-faced Spoonbill 373 + 저어새 0 (a real zero) + クロツラヘラサギ 12 = 3797.
    [InlineData("Platalea minor", 4, 3797)]
    // Eurasian Curlew: Taiwan's 大杓鷸 140 (not the mainland's 大杓鹬, the Far Eastern Curlew) + Eurasian Curlew 180
    //   + 마도요 160 + ダイシャクシギ 25 = 505.
    [InlineData("Numenius arquata", 4, 505)]
    // Common Moorhen: Taiwan's 紅冠水雞 (line 16) 18 + Japan's ばん (line 104), Hiragana for the Katakana バン, 4 = 22.
    [InlineData("Gallinula chloropus", 2, 22)]
    // "Calidris sp." (line 60) is the genus, a taxon of its own: 150.
    [InlineData("Calidris", 1, 150)]
    public async Task Each_species_gets_its_rows_in_every_script(string scientific, long rows, long individuals)
    {
        await using var db = await PostgisDatabase.CreateAsync();
        await db.Database.ImportAsync(new SiteImporter(), TestFiles.Sample("sites.csv"));
        await db.Database.ImportAsync(new SpeciesImporter(), TestFiles.Sample("waterbird-species.csv"));
        Assert.Equal(ImportStatus.Succeeded, (await db.Database.ImportAsync(new CountImporter(), Sheet)).Status);

        Assert.Equal(rows, await db.ScalarAsync<long>($"select count(*) from counts where species_name = '{scientific}'"));
        Assert.Equal(individuals, await db.ScalarAsync<long>($"select sum(individuals) from counts where species_name = '{scientific}'"));
    }
}
