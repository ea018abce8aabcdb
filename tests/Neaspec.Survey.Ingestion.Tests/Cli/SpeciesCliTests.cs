using Neaspec.Survey.Testing;

namespace Neaspec.Survey.Ingestion.Tests.Cli;

/// <summary><c>neaspec species import|list</c> as an admin runs it: exit codes, errors naming file, line, column and
/// value, and a list that imports back. A database of its own: the import changes the catalogue.</summary>
public sealed class SpeciesCliTests : IClassFixture<PostgisDatabase>, IDisposable
{
    private const string Header = "scientific_name,rank,name_en,name_zh_hant,name_ko\n";

    private readonly PostgisDatabase db;
    private readonly TestFiles files = new();

    public SpeciesCliTests(PostgisDatabase db) => this.db = db;

    public void Dispose() => files.Dispose();

    [Fact]
    public async Task A_bad_species_file_exits_1_naming_file_line_column_and_value_and_a_good_one_lists_back()
    {
        var species = await db.ScalarAsync<long>("select count(*) from species");
        var bad = files.Write("bad-species.csv", Header + "Calidris pygmaea,species,Spoon-billed Sandpiper,琵嘴鷸,넓적부리도요\nArdea cinerea,speceis,Grey Heron,蒼鷺,\n");

        var (code, _, stderr) = await CliTests.RunAsync(db.ConnectionString, "species", "import", bad);

        Assert.Equal(1, code);
        Assert.Contains("bad-species.csv: line 3, column rank = 'speceis'", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        // The good line 2 was not stored either.
        Assert.Equal(species, await db.ScalarAsync<long>("select count(*) from species"));

        var good = files.Write("species.csv", Header + "Calidris pygmaea,species,Spoon-billed Sandpiper,琵嘴鷸,넓적부리도요\n");
        var imported = await CliTests.RunAsync(db.ConnectionString, "species", "import", good);
        Assert.True(imported.Code == 0, imported.Err);

        var (listCode, csv, _) = await CliTests.RunAsync(db.ConnectionString, "species", "list", "--format", "csv");
        Assert.Equal(0, listCode);
        var lines = csv.Trim().Split('\n');
        Assert.Equal("scientific_name,rank,name_en,name_zh_hans,name_zh_hant,name_ja,name_ko,name_ru,name_mn,synonyms,flagship", lines[0]);
        Assert.Contains("Calidris pygmaea,species,Spoon-billed Sandpiper,,琵嘴鷸,,넓적부리도요,,,,no", lines);
        Assert.Equal(species + 1, lines.Length - 1);
    }
}
