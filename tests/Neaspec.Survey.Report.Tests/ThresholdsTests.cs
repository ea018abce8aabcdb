using Neaspec.Survey.Storage;
using Npgsql;

namespace Neaspec.Survey.Report.Tests;

/// <summary>The population_estimates table: created and seeded by the migrations, edited by admins through
/// neaspec thresholds (species in any catalogue language, files all or nothing), and an admin's figure kept when the
/// migrations run again.</summary>
public sealed class ThresholdsTests : IAsyncLifetime, IDisposable
{
    private readonly TestFiles files = new();
    private PostgisDatabase db = null!;

    public async Task InitializeAsync() => db = await PostgisDatabase.CreateAsync();

    public async Task DisposeAsync() => await db.DisposeAsync();

    public void Dispose() => files.Dispose();

    private Task<(int Code, string Out, string Err)> RunAsync(params string[] args) => NeaspecProcess.RunAsync(db.ConnectionString, args);

    [Fact]
    public async Task A_new_database_has_the_seeded_estimates_with_one_percent_of_each()
    {
        await using var conn = await db.Database.DataSource.OpenConnectionAsync();
        var rows = await PopulationEstimateCatalogue.ListAsync(conn);
        Assert.Equal(["Antigone vipio", "Antigone vipio", "Grus monacha", "Platalea minor"], rows.Select(r => r.Species));
        // 1 % rounded to the nearest bird: 7,081 -> 70.81 -> 71; 14,967 -> 149.67 -> 150; 5,750 -> 57.5 -> 58; 707 -> 7.07 -> 7.
        Assert.Equal([58, 7, 150, 71], rows.Select(r => r.OnePercentThreshold));
        Assert.All(rows, r => Assert.Equal(PopulationEstimateCatalogue.OnePercentOf(r.Estimate), r.OnePercentThreshold));
        Assert.Equal(7081, rows.Single(r => r.Species == "Platalea minor").Estimate);
        Assert.All(rows, r => Assert.False(string.IsNullOrWhiteSpace(r.Source)));
        Assert.All(rows, r => Assert.Equal("seed", r.UpdatedBy));
    }

    [Fact]
    public async Task Set_takes_any_catalogue_name_and_an_admins_figure_survives_the_next_migration()
    {
        var (code, stdout, stderr) = await RunAsync("thresholds", "set", "--species", "흑두루미", "--population", "East Asia (whole species)",
            "--estimate", "16800", "--source", "Example count 2026", "--year", "2026");
        Assert.True(code == 0, stderr);
        Assert.Contains("Grus monacha, East Asia (whole species): 16,800 individuals (2026), 1 % threshold 168", stdout, StringComparison.Ordinal);

        await db.Database.MigrateAsync();

        var list = await RunAsync("thresholds", "list", "--species", "Hooded Crane", "--format", "csv");
        Assert.True(list.Code == 0, list.Err);
        var lines = list.Out.Trim().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("Grus monacha,East Asia (whole species),16800,168,Example count 2026,2026,", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_figures_are_refused_by_field_and_a_bad_file_stores_nothing()
    {
        var unknown = await RunAsync("thresholds", "set", "--species", "Dodo", "--population", "x", "--estimate", "100", "--threshold", "500",
            "--source", "s", "--year", "2025");
        Assert.Equal(1, unknown.Code);
        Assert.Contains("neaspec: --species: 'Dodo' is not in the species catalogue", unknown.Err, StringComparison.Ordinal);
        Assert.Contains("neaspec: --threshold: '500' must be above 0 and at most the estimate", unknown.Err, StringComparison.Ordinal);

        var file = files.Write("estimates.csv", """
            species,population,estimate,one_percent_threshold,source,year,note
            Grus japonensis,mainland,1700,,Example 2024,2024,
            Grus grus,East Asia,12.5,,Example 2024,2024,
            두루미,mainland,1800,,Example 2024,2024,
            """);
        var (code, _, stderr) = await RunAsync("thresholds", "import", file);
        Assert.Equal(1, code);
        Assert.Contains("estimates.csv, line 3, column estimate, value '12.5': give a whole number of individuals above 0, digits only", stderr, StringComparison.Ordinal);
        // 두루미 is Grus japonensis: the same population twice, found once the names are resolved.
        Assert.Contains("estimates.csv, line 4, column population, value 'mainland': Grus japonensis, mainland is already on line 2", stderr, StringComparison.Ordinal);
        Assert.Equal(0L, await db.ScalarAsync<long>("select count(*) from population_estimates where species = 'Grus japonensis'"));
    }

    [Fact]
    public async Task A_good_file_is_imported_with_names_in_any_language_and_a_row_can_be_deleted()
    {
        var file = files.Write("estimates.csv", """
            Species;Population;Estimate;Source;Year
            두루미;mainland;1700;Example 2024;2024
            Grus grus;East Asia;"12,000";Example 2023;2023
            """);
        var (code, stdout, stderr) = await RunAsync("thresholds", "import", file);
        Assert.Equal(1, code);
        Assert.Contains("line 3, column estimate, value '12,000'", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("stored", stdout, StringComparison.Ordinal);

        File.WriteAllText(file, "Species;Population;Estimate;Source;Year\n두루미;mainland;1700;Example 2024;2024\nGrus grus;East Asia;12000;Example 2023;2023\n");
        (code, stdout, stderr) = await RunAsync("thresholds", "import", file);
        Assert.True(code == 0, stderr);
        Assert.Contains("2 population estimate(s) stored", stdout, StringComparison.Ordinal);
        Assert.Equal(17, await db.ScalarAsync<int>("select one_percent_threshold from population_estimates where species = 'Grus japonensis'"));

        var deleted = await RunAsync("thresholds", "delete", "--species", "Common Crane", "--population", "East Asia");
        Assert.True(deleted.Code == 0, deleted.Err);
        var again = await RunAsync("thresholds", "delete", "--species", "Common Crane", "--population", "East Asia");
        Assert.Equal(1, again.Code);
        Assert.Contains("no population 'East Asia'", again.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_species_with_estimates_cannot_be_deleted_from_under_them()
    {
        var ex = await Assert.ThrowsAsync<PostgresException>(() => db.ExecuteAsync("delete from species where scientific_name = 'Platalea minor'"));
        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, ex.SqlState);
    }
}
