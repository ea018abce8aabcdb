namespace Neaspec.Survey.Storage.Migrations;

/// <summary>
/// The connectivity report's two tables for QGIS: <c>report_site_connectivity</c> (a site's weight, rank,
/// dPC and fractions per species, season, year and d0, geometry(Point,4326)) and <c>report_links</c> (the
/// drawn links' p and flux, geometry(LineString,4326)). Typed geometry columns register themselves in
/// geometry_columns; each has a GiST index on geom and one on the report key the refresh deletes by.
/// </summary>
/// <remarks>
/// Until this migration the report created them at run time with exactly this DDL, so a database that ran a
/// report already has them: every statement is "if not exists" and leaves those tables, their rows and
/// their indexes as they are. They stay out of the EF model: only the report writes them (by Npgsql
/// batches) and QGIS reads them; no code queries them through EF.
/// </remarks>
internal static class ReportTableDdl
{
    public const string Create = """
        create table if not exists report_site_connectivity (
            id bigint generated always as identity primary key,
            species text not null,
            season text not null,
            year integer not null,
            distance_km double precision,
            link_source text not null,
            weighting text not null,
            site_code text not null,
            site_name text not null,
            country text,
            weight double precision not null,
            rank integer not null,
            dpc double precision not null,
            dpc_intra double precision not null,
            dpc_flux double precision not null,
            dpc_connector double precision not null,
            diic double precision not null,
            bc double precision not null,
            generated_at timestamptz not null,
            geom geometry(Point, 4326) not null);
        create index if not exists ix_report_site_connectivity_run on report_site_connectivity (species, season, year, distance_km);
        create index if not exists ix_report_site_connectivity_geom on report_site_connectivity using gist (geom);
        create table if not exists report_links (
            id bigint generated always as identity primary key,
            species text not null,
            season text not null,
            year integer not null,
            distance_km double precision,
            link_source text not null,
            directed boolean not null,
            from_site text not null,
            to_site text not null,
            length_km double precision not null,
            p double precision not null,
            flux double precision not null,
            individuals integer,
            generated_at timestamptz not null,
            geom geometry(LineString, 4326) not null);
        create index if not exists ix_report_links_run on report_links (species, season, year, distance_km);
        create index if not exists ix_report_links_geom on report_links using gist (geom);
        """;

    /// <summary>The tables hold only what reports computed; rerunning the reports fills them again.</summary>
    public const string Drop = """
        drop table if exists report_links;
        drop table if exists report_site_connectivity;
        """;
}
