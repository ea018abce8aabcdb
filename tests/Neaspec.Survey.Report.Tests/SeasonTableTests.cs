using System.Globalization;
using System.Text;
using Neaspec.Survey.Connectivity;
using Neaspec.Survey.Ingestion.Tracks;
using Neaspec.Survey.Storage;
using Neaspec.Survey.Storage.Model;
using Neaspec.Survey.Testing;
using Npgsql;

namespace Neaspec.Survey.Report.Tests;

/// <summary>The seasons table: seeded from the library's defaults, admin edits kept, read by the report and by the
/// track_seasons view.</summary>
public sealed class SeasonTableTests : IAsyncLifetime
{
    private PostgisDatabase db = null!;

    public async Task InitializeAsync() => db = await PostgisDatabase.CreateAsync();

    public async Task DisposeAsync() => await db.DisposeAsync();

    private async Task<List<string>> RowsAsync(string sql)
    {
        await using var conn = await db.Database.DataSource.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
        }
        return rows;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var conn = await db.Database.DataSource.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task The_defaults_are_seeded_from_the_library_and_an_admins_edit_stays()
    {
        var expected = Season.Defaults.Select(s => $"{s.Name}|{s.Start}|{s.End}|{s.TimeZone}").ToList();
        Assert.Equal(expected, await RowsAsync("select name, start_md, end_md, time_zone from seasons where species is null order by id"));

        await ExecuteAsync("update seasons set end_md = '05-20' where name = 'spring'; delete from seasons where name = 'winter'");
        await db.Database.MigrateAsync();

        Assert.Equal(["spring|03-01|05-20", "winter|12-01|02-29"],
            await RowsAsync("select name, start_md, end_md from seasons where name in ('spring', 'winter') order by name"));
    }

    [Fact]
    public async Task Track_seasons_and_the_report_follow_the_table()
    {
        // One Hooded Crane, a fix every 6 h from 27 Feb 2025 00:00 to 2 Mar 2025 18:00 UTC (16 fixes): with the
        // defaults 27-28 Feb (8 fixes) are winter 2025 and 1-2 Mar (8) spring 2025.
        var csv = new StringBuilder("event-id,timestamp,location-long,location-lat,individual-taxon-canonical-name,individual-local-identifier,study-name\n");
        var t = new DateTime(2025, 2, 27, 0, 0, 0, DateTimeKind.Utc);
        for (var i = 0; i < 16; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{i + 1},{t.AddHours(6 * i):yyyy-MM-dd HH:mm:ss.fff},127.5,34.9,Grus monacha,HC-S1,Season test\n");
        }
        var path = Path.Combine(Path.GetTempPath(), $"seasons-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, csv.ToString());
        try
        {
            Assert.Equal(ImportStatus.Succeeded, (await db.Database.ImportAsync(new TrackImporter(new TrackImportOptions()), path)).Status);
        }
        finally
        {
            File.Delete(path);
        }
        const string view = "select season, season_year, fixes from track_seasons order by first_at";
        Assert.Equal(["winter|2025|8", "spring|2025|8"], await RowsAsync(view));

        // Dates read in Asia/Seoul (UTC+9): 28 Feb 18:00 UTC is already 1 Mar 03:00 there: 7 winter fixes, 9 spring.
        await ExecuteAsync("update seasons set time_zone = 'Asia/Seoul' where species is null");
        Assert.Equal(["winter|2025|7", "spring|2025|9"], await RowsAsync(view));

        // A spring of the species' own (from 28 Feb, UTC) replaces all the default windows for it: the 4 fixes of
        // 27 Feb fall in no season of the species, the 12 from 28 Feb in spring.
        await ExecuteAsync("insert into seasons (species, name, start_md, end_md, time_zone) values ('Grus monacha', 'spring', '02-28', '05-31', 'UTC')");
        Assert.Equal(["spring|2025|12"], await RowsAsync(view));

        // The report reads the same rows: spring 2025 of the Hooded Crane starts on 28 Feb; a run may override it.
        await using var conn = await db.Database.DataSource.OpenConnectionAsync();
        var seasons = Season.For(await SeasonCatalogue.LoadAsync(conn), "Grus monacha");
        var request = SampleDatabase.HoodedCrane() with { Season = "spring" };
        Assert.Equal(new DateOnly(2025, 2, 28), ConnectivityInputs.WindowOf(seasons, request, out _)!.From);
        var overridden = ConnectivityInputs.WindowOf(seasons, request with { Window = "03-10..05-15", TimeZone = "Asia/Seoul" }, out _)!;
        Assert.Equal((new DateOnly(2025, 3, 10), "Asia/Seoul"), (overridden.From, overridden.Season.TimeZone));
        Assert.Null(ConnectivityInputs.WindowOf(seasons, request with { Season = "winter" }, out var problems));
        Assert.Contains("not a season", Assert.Single(problems), StringComparison.Ordinal);
    }
}
