using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Neaspec.Survey.Report.Tests;

/// <summary>The report's PostGIS tables come from the migration ReportTables: on a new database, and on a
/// database where an older neaspec had created them at run time, whose rows survive the upgrade.</summary>
public sealed class ReportTablesMigrationTests
{
    /// <summary>The migration before ReportTables.</summary>
    private const string Before = "20261125092407_Worker";

    /// <summary>What ReportViews.EnsureAsync ran before each report until the tables moved into the migrations
    /// (the code of commit 69e7a20), kept here as an older database has it.</summary>
    private const string RuntimeDdl = """
        create table if not exists report_site_connectivity (
            id bigint generated always as identity primary key,
            species text not null, season text not null, year integer not null, distance_km double precision,
            link_source text not null, weighting text not null, site_code text not null, site_name text not null, country text,
            weight double precision not null, rank integer not null, dpc double precision not null, dpc_intra double precision not null,
            dpc_flux double precision not null, dpc_connector double precision not null, diic double precision not null,
            bc double precision not null, generated_at timestamptz not null, geom geometry(Point, 4326) not null);
        create index if not exists ix_report_site_connectivity_run on report_site_connectivity (species, season, year, distance_km);
        create index if not exists ix_report_site_connectivity_geom on report_site_connectivity using gist (geom);
        create table if not exists report_links (
            id bigint generated always as identity primary key,
            species text not null, season text not null, year integer not null, distance_km double precision,
            link_source text not null, directed boolean not null, from_site text not null, to_site text not null,
            length_km double precision not null, p double precision not null, flux double precision not null, individuals integer,
            generated_at timestamptz not null, geom geometry(LineString, 4326) not null);
        create index if not exists ix_report_links_run on report_links (species, season, year, distance_km);
        create index if not exists ix_report_links_geom on report_links using gist (geom);
        """;

    private const string GistIndexes = """
        select count(*) from pg_indexes
        where tablename in ('report_site_connectivity', 'report_links') and indexdef like '%USING gist (geom)%'
        """;

    [Fact]
    public async Task A_new_database_gets_both_tables_with_typed_geometry_and_gist_indexes()
    {
        await using var db = await PostgisDatabase.CreateAsync();

        Assert.Equal("POINT 4326", await db.ScalarAsync<string>(
            "select type || ' ' || srid from geometry_columns where f_table_name = 'report_site_connectivity' and f_geometry_column = 'geom'"));
        Assert.Equal("LINESTRING 4326", await db.ScalarAsync<string>(
            "select type || ' ' || srid from geometry_columns where f_table_name = 'report_links' and f_geometry_column = 'geom'"));
        Assert.Equal(2L, await db.ScalarAsync<long>(GistIndexes));
    }

    [Fact]
    public async Task A_database_that_made_the_tables_at_run_time_migrates_and_keeps_its_rows()
    {
        await using var db = await PostgisDatabase.CreateEmptyAsync();
        await using (var context = db.Database.CreateContext())
        {
            await context.GetService<IMigrator>().MigrateAsync(Before);
        }
        Assert.Equal(0L, await db.ScalarAsync<long>("select count(*) from pg_tables where tablename = 'report_links'"));
        await db.ExecuteAsync(RuntimeDdl);
        await db.ExecuteAsync("""
            insert into report_site_connectivity (species, season, year, distance_km, link_source, weighting, site_code, site_name,
                country, weight, rank, dpc, dpc_intra, dpc_flux, dpc_connector, diic, bc, generated_at, geom)
            values ('Grus monacha', 'winter', 2025, 100, 'distance decay', 'peak-count', 'JP-IZM', 'Izumi', 'JP', 14020, 1,
                80, 60, 20, 0, 75, 0, now(), st_setsrid(st_makepoint(130.27, 32.125), 4326))
            """);

        await db.Database.MigrateAsync();

        Assert.Equal(1L, await db.ScalarAsync<long>("select count(*) from report_site_connectivity where site_code = 'JP-IZM'"));
        Assert.Equal(2L, await db.ScalarAsync<long>(GistIndexes));
        await using var migrated = db.Database.CreateContext();
        Assert.Contains(await migrated.Database.GetAppliedMigrationsAsync(), m => m.EndsWith("_ReportTables", StringComparison.Ordinal));
        Assert.Empty(await migrated.Database.GetPendingMigrationsAsync());
    }
}
