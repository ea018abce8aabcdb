using System.Text;
using Neaspec.Survey.Ingestion.Catalogue;
using Neaspec.Survey.Ingestion.Import;
using Neaspec.Survey.Storage.Model;
using Neaspec.Survey.Testing;

namespace Neaspec.Survey.Ingestion.Tests.Catalogue;

/// <summary>The species import on the real PostGIS: what it adds, what it keeps, and the files it refuses whole, with
/// line and column. Each test has a database of its own: every one of them changes the catalogue.</summary>
public sealed class SpeciesImportTests : IDisposable
{
    private const string Header = "scientific_name,rank,name_en,name_zh_hans,name_zh_hant,name_ja,name_ko,name_ru,name_mn,synonyms,flagship";

    private readonly TestFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public async Task The_waterbird_catalogue_loads_with_every_language_in_the_ledger()
    {
        await using var db = await PostgisDatabase.CreateAsync();
        var seeded = await db.ScalarAsync<long>("select count(*) from species");

        var outcome = await db.Database.ImportAsync(new SpeciesImporter(), TestFiles.Sample("waterbird-species.csv"));

        Assert.Equal(ImportStatus.Succeeded, outcome.Status);
        // 57 rows: 56 taxa the seed lacks (55 species and the genus Calidris) and Platalea minor, which is seeded.
        var details = Assert.IsType<SpeciesImportDetails>(outcome.Details);
        Assert.Equal((56, 1), (details.Added, details.Updated));
        Assert.Equal(seeded + 56, await db.ScalarAsync<long>("select count(*) from species"));
        Assert.Equal("species", await db.ScalarAsync<string>($"select kind from imports where id = {outcome.ImportId}"));
        Assert.Equal("琵嘴鷸|넓적부리도요|Лопатень|species", await db.ScalarAsync<string>(
            "select concat_ws('|', name_zh_hant, name_ko, name_ru, taxon_rank) from species where scientific_name = 'Calidris pygmaea'"));
        Assert.Equal("genus", await db.ScalarAsync<string>("select taxon_rank from species where scientific_name = 'Calidris'"));
        Assert.Equal("Chroicocephalus saundersi|Larus saundersi", await db.ScalarAsync<string>(
            "select array_to_string(synonyms, '|') from species where scientific_name = 'Saundersilarus saundersi'"));
        // The seeded spoonbill keeps its preferred Traditional name and gains Hong Kong's as another name, with its import.
        Assert.Equal("黑面琵鷺", await db.ScalarAsync<string>("select name_zh_hant from species where scientific_name = 'Platalea minor'"));
        Assert.Equal(outcome.ImportId, await db.ScalarAsync<long>(
            "select import_id from species_names where scientific_name = 'Platalea minor' and language = 'zh-Hant' and name = '黑臉琵鷺'"));
        // Taiwan's 大杓鷸 (Eurasian Curlew) folds to the mainland's 大杓鹬 (Far Eastern Curlew): allowed, and said.
        Assert.Contains("大杓鹬 (Numenius madagascariensis) against 大杓鷸 (Numenius arquata)", outcome.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_replaced_preferred_name_stays_a_name_of_the_species()
    {
        await using var db = await PostgisDatabase.CreateAsync();
        // Clements calls the Grey Plover the Black-bellied Plover; a team that follows it makes that the preferred name.
        await ImportAsync(db, "plover.csv", $"{Header}\nPluvialis squatarola,species,Grey Plover,灰鸻,,,,,,,no\n");

        var renamed = await ImportAsync(db, "plover-clements.csv", $"{Header}\nPluvialis squatarola,,Black-bellied Plover,,,,,,,,\n");

        Assert.Equal(ImportStatus.Succeeded, renamed.Status);
        Assert.Equal((0, 1, 1), Counts(renamed));
        Assert.Equal("Black-bellied Plover", await db.ScalarAsync<string>("select name_en from species where scientific_name = 'Pluvialis squatarola'"));
        Assert.Equal("Grey Plover", await db.ScalarAsync<string>("select name from species_names where scientific_name = 'Pluvialis squatarola'"));
        var resolver = await Storage.SpeciesResolver.LoadAsync(db.Database);
        Assert.Equal("Pluvialis squatarola", resolver.Resolve("grey plover"));
        Assert.Equal("Pluvialis squatarola", resolver.Resolve("Black-bellied Plover"));
        // The same rows again (other bytes: Windows line ends) add nothing; nor does a name differing only in case.
        Assert.Equal((0, 1, 0), Counts(await ImportAsync(db, "plover-again.csv",
            $"{Header}\r\nPluvialis squatarola,,Black-bellied Plover,,,,,,,,\r\n")));
        Assert.Equal((0, 1, 0), Counts(await ImportAsync(db, "plover-case.csv", $"{Header}\nPluvialis squatarola,,Black-bellied Plover|GREY PLOVER,,,,,,,,\n")));
        Assert.Equal(1, await db.ScalarAsync<long>("select count(*) from species_names"));
    }

    public static TheoryData<string, long, string?, string?, string> Malformed => new()
    {
        // A rank that is none of the vocabulary's.
        { $"{Header}\nArdea cinerea,speceis,Grey Heron,,,,,,,,\n", 2, "rank", "speceis", "unknown rank" },
        // A new species without a rank.
        { $"{Header}\nArdea cinerea,,Grey Heron,,,,,,,,\n", 2, "rank", "", "give its rank" },
        // A species name with the words of a subspecies.
        { $"{Header}\nAnser fabalis serrirostris,species,Tundra Bean Goose,,,,,,,,\n", 2, "scientific_name", "Anser fabalis serrirostris", "has 2 word(s)" },
        { $"{Header}\nardea cinerea,species,Grey Heron,,,,,,,,\n", 2, "scientific_name", "ardea cinerea", "capitalised genus" },
        { $"{Header}\nArdea cinerea,species,Grey Heron,,,,,,,,maybe\n", 2, "flagship", "maybe", "yes or no" },
        // Two species of the file under one name: the second is refused, naming the first.
        { $"{Header}\nArdea cinerea,species,Grey Heron,,,,,,,,\nArdea purpurea,species,grey  heron,,,,,,,,\n", 3, "name_en", "grey  heron", "also given for Ardea cinerea on line 2, column name_en" },
        // A name the catalogue already gives another species (the spoonbill's Korean name), in any case.
        { $"{Header}\nArdea purpurea,species,Purple Heron,,,,저어새,,,,\n", 2, "name_ko", "저어새", "already a name of Platalea minor" },
        // The seed's zh-Hant name of the Hooded Crane, given to another species.
        { $"{Header}\nGrus nigricollis,species,Black-necked Crane,,白頭鶴,,,,,,\n", 2, "name_zh_hant", "白頭鶴", "already a name of Grus monacha" },
        // A new species whose scientific name is another's synonym.
        { $"{Header}\nGrus vipio,species,,,,,,,,,\n", 2, "scientific_name", "Grus vipio", "already a name of Antigone vipio" },
        { $"{Header}\nArdea cinerea,species,Grey Heron,,,,,,,,\nArdea cinerea,species,,,,,,,,,\n", 3, "scientific_name", "Ardea cinerea", "given twice (first on line 2)" },
        // The header: a misspelt language, and a file without the rank column.
        { $"scientific_name,rank,name_zhhant\nArdea cinerea,species,蒼鷺\n", 1, "name_zhhant", "name_zhhant", "unknown column" },
        { "scientific_name,name_en\nArdea cinerea,Grey Heron\n", 1, null, "scientific_name,name_en", "missing required column(s) rank" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task A_bad_file_is_refused_whole_with_line_and_column(string csv, long line, string? column, string? value, string reason)
    {
        await using var db = await PostgisDatabase.CreateAsync();
        var species = await db.ScalarAsync<long>("select count(*) from species");
        var names = await db.ScalarAsync<string>("select string_agg(concat_ws('|', name_en, name_ko, name_zh_hant), ',' order by scientific_name) from species");

        var outcome = await ImportAsync(db, "bad-species.csv", csv);

        Assert.Equal(ImportStatus.Rejected, outcome.Status);
        Assert.StartsWith("bad-species.csv: rejected, nothing stored", outcome.Message, StringComparison.Ordinal);
        Assert.Contains(outcome.Errors, e => e.Line == line && e.Column == column && e.Value == value && e.Reason.Contains(reason, StringComparison.Ordinal));
        Assert.Equal(species, await db.ScalarAsync<long>("select count(*) from species"));
        Assert.Equal(names, await db.ScalarAsync<string>("select string_agg(concat_ws('|', name_en, name_ko, name_zh_hant), ',' order by scientific_name) from species"));
        Assert.Equal(0, await db.ScalarAsync<long>("select count(*) from species_names"));
        Assert.Equal(outcome.ErrorCount, await db.ScalarAsync<long>($"select count(*) from import_errors where import_id = {outcome.ImportId}"));
    }

    public static TheoryData<string, long, string?, string?, string> Unreadable => new()
    {
        // A zero-byte file.
        { "", 1, null, null, "the file is empty" },
        { $"{Header}\n", 1, null, null, "the file holds no species" },
        // Saved by Excel on a Traditional Chinese Windows as "CSV": Big5, not UTF-8. The value is shown as read.
        { "big5", 2, "name_zh_hant", "\uFFFD", "not UTF-8 text" },
        // A semicolon file whose name cell holds an unquoted comma: more fields than the header.
        { $"scientific_name,rank,name_en\nArdea cinerea,species,Heron, Grey\n", 2, null, "Ardea cinerea,species,Heron, Grey",
            "the row has 4 fields but the header has 3" },
        // A quote opened and never closed swallows the rest of the file: the row is refused, not stored half-read.
        { $"scientific_name,rank,name_en\nArdea cinerea,species,\"Grey Heron\nArdea alba,species,Great Egret\n", 2, "name_en", "Grey Heron",
            "holds a line break" },
        // A row without its scientific name.
        { $"{Header}\n,species,Grey Heron,,,,,,,,\n", 2, "scientific_name", "", "scientific name is required" },
    };

    [Theory]
    [MemberData(nameof(Unreadable))]
    public async Task A_file_that_is_not_clean_csv_is_refused_naming_file_line_column_and_value(string csv, long line, string? column,
        string? value, string reason)
    {
        await using var db = await PostgisDatabase.CreateAsync();
        var species = await db.ScalarAsync<long>("select count(*) from species");
        var path = csv == "big5"
            ? files.WriteBytes("bad-species.csv", [.. Encoding.UTF8.GetBytes($"{Header}\nArdea cinerea,species,Grey Heron,,"),
                .. CodePagesEncodingProvider.Instance.GetEncoding(950)!.GetBytes("蒼鷺"), .. Encoding.UTF8.GetBytes(",,,,,,\n")])
            : files.Write("bad-species.csv", csv);

        var outcome = await db.Database.ImportAsync(new SpeciesImporter(), path);

        Assert.Equal(ImportStatus.Rejected, outcome.Status);
        Assert.StartsWith("bad-species.csv: rejected, nothing stored", outcome.Message, StringComparison.Ordinal);
        var error = outcome.Errors[0];
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.Contains(reason, error.Reason, StringComparison.Ordinal);
        if (value is not null)
        {
            Assert.Contains(value, error.Value, StringComparison.Ordinal);
        }
        Assert.Equal(species, await db.ScalarAsync<long>("select count(*) from species"));
        Assert.Equal(0, await db.ScalarAsync<long>("select count(*) from species where scientific_name like 'Ardea %'"));
    }

    [Fact]
    public async Task A_good_row_beside_a_bad_one_is_not_stored_either()
    {
        await using var db = await PostgisDatabase.CreateAsync();

        var outcome = await ImportAsync(db, "half.csv", $"{Header}\nArdea cinerea,species,Grey Heron,,,,,,,,\nArdea purpurea,family,Purple Heron,,,,,,,,\n");

        var error = Assert.Single(outcome.Errors);
        Assert.Equal((3L, "scientific_name"), (error.Line, error.Column));
        Assert.Equal(0, await db.ScalarAsync<long>("select count(*) from species where scientific_name like 'Ardea %'"));
    }

    private static (int, int, int) Counts(ImportOutcome outcome)
    {
        var d = Assert.IsType<SpeciesImportDetails>(outcome.Details);
        return (d.Added, d.Updated, d.NamesAdded);
    }

    private async Task<ImportOutcome> ImportAsync(PostgisDatabase db, string name, string csv) =>
        await db.Database.ImportAsync(new SpeciesImporter(), files.Write(name, csv));
}
