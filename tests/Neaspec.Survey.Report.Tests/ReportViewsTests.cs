using Npgsql;

namespace Neaspec.Survey.Report.Tests;

/// <summary>The PostGIS tables for QGIS (created by the migrations, see <see cref="ReportTablesMigrationTests"/>):
/// rows replaced per species/season/year/distance, other reports' rows kept.</summary>
public sealed class ReportViewsTests : IClassFixture<SampleDatabase>
{
    private readonly SampleDatabase sample;

    public ReportViewsTests(SampleDatabase sample) => this.sample = sample;

    [Fact]
    public async Task A_rerun_replaces_its_own_rows_and_keeps_other_reports()
    {
        var crane = await sample.ReportAsync(SampleDatabase.HoodedCrane() with { DistancesKm = [100, 250] });
        var spoonbill = await sample.ReportAsync(new ReportRequest { Species = "저어새", Season = "winter", Year = 2025, DistancesKm = [100] });

        await ReportViews.RefreshAsync(sample.Db.Database, crane);
        await ReportViews.RefreshAsync(sample.Db.Database, spoonbill);
        await ReportViews.RefreshAsync(sample.Db.Database, crane);

        Assert.Equal(2 * 5, await Count("report_site_connectivity", "Grus monacha"));
        Assert.Equal(crane.Runs.Sum(r => r.Links.Count), await Count("report_links", "Grus monacha"));
        Assert.Equal(spoonbill.Inputs.Nodes.Count, await Count("report_site_connectivity", "Platalea minor"));
        Assert.Equal(0, await sample.Db.ScalarAsync<long>(
            "select count(*) from report_links where not st_isvalid(geom) or st_npoints(geom) <> 2"));
    }

    private async Task<long> Count(string table, string species)
    {
        await using var conn = await sample.Db.Database.DataSource.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand($"select count(*) from {table} where species = @s", conn);
        cmd.Parameters.AddWithValue("s", species);
        return (long)(await cmd.ExecuteScalarAsync())!;
    }
}
