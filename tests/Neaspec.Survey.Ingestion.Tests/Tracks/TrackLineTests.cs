using System.Globalization;
using System.Text;
using Neaspec.Survey.Ingestion.Import;
using Neaspec.Survey.Ingestion.Tracks;
using Neaspec.Survey.Storage.Model;
using Neaspec.Survey.Testing;

namespace Neaspec.Survey.Ingestion.Tests.Tracks;

/// <summary>The stored track lines (<c>track_days</c>, <c>track_seasons</c>) and the spatial index of <c>fixes</c>
/// (migration TracksAtScale, issue 15) on real PostGIS: after an import, an append, a file that repeats stored fixes
/// (the staged route) and a failed import, the stored lines equal the lines made from the fixes by a query of this
/// test, and only the lines of the days a file touched are written again (their row versions, <c>xmin</c>, change;
/// the others' do not).</summary>
public sealed class TrackLineTests(PostgisDatabase db) : IClassFixture<PostgisDatabase>, IDisposable
{
    private const string Header = "event-id,timestamp,location-long,location-lat,individual-local-identifier,study-name\n";

    // Independent of refresh_track_lines: one line per individual and UTC day of its unflagged fixes, at least two.
    private const string DaysFromFixes =
        """
        select individual_id::bigint * 100000 + ((observed_at at time zone 'UTC')::date - date '1970-01-01') as id, count(*)::int as fixes,
               st_astext(st_makeline(location order by observed_at, id)) as line
        from fixes where visible and not marked_outlier and not speed_outlier
        group by individual_id, (observed_at at time zone 'UTC')::date having count(*) >= 2
        """;

    // The one season of this test: spring, [2024-03-01, 2024-06-01) UTC.
    private const string SpringFromFixes =
        """
        select individual_id, count(*)::int as fixes, st_astext(st_makeline(location order by observed_at, id)) as line
        from fixes where visible and not marked_outlier and not speed_outlier
                     and observed_at >= '2024-03-01T00:00Z' and observed_at < '2024-06-01T00:00Z'
        group by individual_id having count(*) >= 2
        """;

    private readonly TestFiles files = new();

    private Task<ImportOutcome> Import(string path) => db.Database.ImportAsync(new TrackImporter(new TrackImportOptions()), path);

    private Task<long> Count(string sql) => db.ScalarAsync<long>(sql);

    /// <summary>Rows in one set and not the other, both ways: 0 when the stored lines are the lines of the fixes.</summary>
    private async Task AssertLinesAreTheFixes()
    {
        Assert.Equal(0, await Count($"select count(*) from (({DaysFromFixes}) except (select id, fixes, st_astext(geom) from track_days)) d"));
        Assert.Equal(0, await Count($"select count(*) from ((select id, fixes, st_astext(geom) from track_days) except ({DaysFromFixes})) d"));
        const string stored = "select individual_id, fixes, st_astext(geom) from track_seasons where season = 'spring' and season_year = 2024";
        Assert.Equal(0, await Count($"select count(*) from (({SpringFromFixes}) except ({stored})) d"));
        Assert.Equal(0, await Count($"select count(*) from (({stored}) except ({SpringFromFixes})) d"));
    }

    /// <summary>Each stored day line's row version, by day, of one individual of study Lines.</summary>
    private async Task<Dictionary<string, string>> DayVersions(string individual)
    {
        var versions = new Dictionary<string, string>();
        await using var conn = await db.Database.DataSource.OpenConnectionAsync();
        await using var cmd = new Npgsql.NpgsqlCommand(
            $"select day::text, xmin::text from track_days where study = 'Lines' and individual = '{individual}' order by day", conn);
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
        {
            versions[r.GetString(0)] = r.GetString(1);
        }
        return versions;
    }

    // L-1 moves 0.1 degrees east a day and 0.01 an hour (about 1 km an hour, far below the speed limit):
    // hour h of 2024-03-0d is at (130.30 + 0.1 (d - 1) + 0.01 h, 32.0).
    private static string Fix(int day, int hour, double? lon = null, string individual = "L-1", int month = 3) =>
        string.Create(CultureInfo.InvariantCulture,
            $"{(month * 10_000) + (day * 100) + hour},2024-{month:D2}-{day:D2} {hour:D2}:00:00.000,{lon ?? (130.30 + (0.1 * (day - 1)) + (0.01 * hour)):F3},32.0,{individual},Lines\n");

    private static string Days(int firstDay, int lastDay, int firstHour, int lastHour)
    {
        var sb = new StringBuilder();
        for (var d = firstDay; d <= lastDay; d++)
        {
            for (var h = firstHour; h <= lastHour; h++)
            {
                sb.Append(Fix(d, h));
            }
        }
        return sb.ToString();
    }

    [Fact]
    public async Task Stored_lines_follow_an_import_an_append_a_repeat_and_a_failure_and_only_touched_days_are_rewritten()
    {
        await db.ExecuteAsync("delete from seasons; insert into seasons (species, name, start_md, end_md, time_zone) values (null, 'spring', '03-01', '05-31', 'UTC')");

        // 1. L-1: 2024-03-01..03 hours 0-5; L-2: 2024-04-10 hours 0-3 elsewhere (140.0 E).
        var first = await Import(files.Write("lines-1.csv", Header + Days(1, 3, 0, 5) +
            string.Concat(Enumerable.Range(0, 4).Select(h => Fix(10, h, 140.0 + (0.01 * h), "L-2", 4)))));
        Assert.Equal(ImportStatus.Succeeded, first.Status);
        // 3 days of L-1 and 1 of L-2; one spring line each.
        Assert.Equal(4, await Count("select count(*) from track_days where study = 'Lines'"));
        Assert.Equal(2, await Count("select count(*) from track_seasons where study = 'Lines'"));
        Assert.Equal(18, await Count("select fixes from track_seasons where study = 'Lines' and individual = 'L-1'"));
        await AssertLinesAreTheFixes();
        var before = await DayVersions("L-1");
        var l2 = await DayVersions("L-2");

        // 2. Append: 03-03 hours 6-8 and 03-04 hours 0-2. Days 03-03 and 03-04 change, 03-01, 03-02 and L-2 do not.
        var append = await Import(files.Write("lines-2.csv", Header + Days(3, 3, 6, 8) + Days(4, 4, 0, 2)));
        Assert.Equal(ImportStatus.Succeeded, append.Status);
        Assert.Equal(5, await Count("select count(*) from track_days where study = 'Lines'"));
        Assert.Equal(9, await Count("select fixes from track_days where study = 'Lines' and individual = 'L-1' and day = '2024-03-03'"));
        await AssertLinesAreTheFixes();
        var afterAppend = await DayVersions("L-1");
        Assert.Equal(before["2024-03-01"], afterAppend["2024-03-01"]);
        Assert.Equal(before["2024-03-02"], afterAppend["2024-03-02"]);
        Assert.NotEqual(before["2024-03-03"], afterAppend["2024-03-03"]);
        Assert.Equal(l2, await DayVersions("L-2"));

        // 3. A file that repeats a stored fix (03-02 03:00) and adds 03-02 12:00: the staged route. The new fix's
        // good neighbours are 03-02 05:00 and 03-03 00:00, so days 03-02 and 03-03 are rebuilt; 03-01 and 03-04 not.
        var repeat = await Import(files.Write("lines-3.csv", Header + Fix(2, 3) + Fix(2, 12, 130.455)));
        Assert.Equal(ImportStatus.Succeeded, repeat.Status);
        Assert.Equal(1, repeat.RowsAccepted);
        Assert.Equal(7, await Count("select fixes from track_days where study = 'Lines' and individual = 'L-1' and day = '2024-03-02'"));
        await AssertLinesAreTheFixes();
        var afterRepeat = await DayVersions("L-1");
        Assert.Equal(before["2024-03-01"], afterRepeat["2024-03-01"]);
        Assert.NotEqual(afterAppend["2024-03-02"], afterRepeat["2024-03-02"]);
        Assert.Equal(afterAppend["2024-03-04"], afterRepeat["2024-03-04"]);

        // 4. A failed import (a latitude of 95 in May, a month without a partition): nothing changes, no May table.
        var failed = await Import(files.Write("lines-4.csv", Header + Fix(1, 0, month: 5) + Fix(1, 1, month: 5) +
            "999,2024-05-01 02:00:00.000,130.5,95,L-1,Lines\n"));
        Assert.NotEqual(ImportStatus.Succeeded, failed.Status);
        Assert.Equal(afterRepeat, await DayVersions("L-1"));
        Assert.Equal(0, await Count("select count(*) from pg_tables where schemaname = 'fix_months' and tablename = 'fixes_2024_05'"));
        await AssertLinesAreTheFixes();
    }

    [Fact]
    public async Task A_bounding_box_query_uses_the_spatial_index_and_returns_the_fixes_and_lines_inside()
    {
        var result = await Import(files.Write("bbox.csv", Header +
            Days(1, 3, 0, 5).Replace(",Lines\n", ",Bbox\n", StringComparison.Ordinal)));
        Assert.Equal(ImportStatus.Succeeded, result.Status);
        // QGIS asks for a layer's features with "geom && st_makeenvelope(...)". The window 130.39-130.46 E,
        // 31.9-32.1 N holds day 2 (130.40 .. 130.45) and nothing of days 1 (.. 130.35) and 3 (130.50 ..).
        const string window = "st_makeenvelope(130.39, 31.9, 130.46, 32.1, 4326)";
        Assert.Equal(6, await Count($"select count(*) from fixes f join studies s on s.id = f.study_id where s.name = 'Bbox' and location && {window}"));
        Assert.Equal("2024-03-02", await db.ScalarAsync<string>(
            $"select string_agg(day::text, ',') from track_days where study = 'Bbox' and geom && {window}"));
        Assert.Equal(0, await Count("select count(*) from fixes where location && st_makeenvelope(0, 0, 1, 1, 4326)"));

        // With so few rows the planner would read the tables whole; with sequential scans priced out it shows
        // that a GiST index answers the window on every month of fixes and on the lines.
        var fixesPlan = await Plan($"select id from fixes where location && {window}");
        Assert.Contains("Index", fixesPlan, StringComparison.Ordinal);
        Assert.DoesNotContain("Seq Scan", fixesPlan, StringComparison.Ordinal);
        Assert.Contains("ix_track_days_geom", await Plan($"select id from track_days where geom && {window}"), StringComparison.Ordinal);
        Assert.Equal(1, await Count(
            "select count(*) from pg_indexes where schemaname = 'fix_months' and tablename = 'fixes_2024_03' and indexdef like '%USING gist (location)%'"));

        // QGIS lists the layers of geometry_columns (here by table name: fixes, track_days, track_seasons).
        Assert.Equal("POINT 4326,LINESTRING 4326,LINESTRING 4326", await db.ScalarAsync<string>(
            """
            select string_agg(type || ' ' || srid, ',' order by f_table_name) from geometry_columns
            where f_table_schema = 'public' and f_table_name in ('track_days', 'track_seasons', 'fixes')
            """));
    }

    private async Task<string> Plan(string sql)
    {
        await using var conn = await db.Database.DataSource.OpenConnectionAsync();
        await using var cmd = new Npgsql.NpgsqlCommand($"set enable_seqscan = off; explain {sql}", conn);
        await using var r = await cmd.ExecuteReaderAsync();
        var plan = new StringBuilder();
        while (await r.ReadAsync())
        {
            plan.AppendLine(r.GetString(0));
        }
        return plan.ToString();
    }

    public void Dispose() => files.Dispose();
}
