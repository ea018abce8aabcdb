using System.Text;
using Neaspec.Survey.Testing;
using Neaspec.Survey.Ingestion.Import;
using Neaspec.Survey.Ingestion.Tracks;
using Neaspec.Survey.Storage.Model;

namespace Neaspec.Survey.Ingestion.Tests.Tracks;

/// <summary>Movebank files as they come: dialects, quoting, gaps, duplicates, bad bytes and a real export.
/// Each test uses its own study, so the tests of the class share one database without seeing each other.</summary>
public sealed class TrackImportTests(PostgisDatabase db) : IClassFixture<PostgisDatabase>, IDisposable
{
    private readonly TestFiles files = new();

    private Task<ImportOutcome> Import(string path, TrackImportOptions? options = null) =>
        db.Database.ImportAsync(new TrackImporter(options ?? new TrackImportOptions()), path);

    private static TrackImportDetails Details(ImportOutcome outcome) => Assert.IsType<TrackImportDetails>(outcome.Details);

    private Task<long> Count(string sql) => db.ScalarAsync<long>(sql);

    private Task<long> FixesOf(string study) =>
        Count($"select count(*) from fixes f join studies s on s.id = f.study_id where s.name = '{study}'");

    [Theory]
    [InlineData("dialect-hyphen.csv", "Dialects")]
    [InlineData("dialect-underscore.csv", "Dialects API")]
    [InlineData("dialect-dotted-r.csv", "Dialects R")]
    public async Task Every_header_dialect_reads_the_same_fixes(string file, string study)
    {
        var result = await Import(TestFiles.Data($"tracks/{file}"));

        // 4 rows, one of them (event 5003) without coordinates.
        Assert.Equal(ImportStatus.Succeeded, result.Status);
        Assert.Equal(4, result.RowsRead);
        Assert.Equal(3, result.RowsAccepted);
        Assert.Equal(1, Details(result).RowsWithoutLocation);
        Assert.Equal(3, await FixesOf(study));
        // Values as written in the file: hdop 1.2 and 8 satellites on event 5001, 250 ms on 5002.
        Assert.Equal(1.2f, await db.ScalarAsync<float>($"select hdop from fixes f join studies s on s.id = f.study_id where s.name = '{study}' and event_id = 5001"));
        Assert.Equal(8, await Count($"select satellite_count from fixes f join studies s on s.id = f.study_id where s.name = '{study}' and event_id = 5001"));
        Assert.Equal(250, await Count($"select extract(milliseconds from observed_at)::int % 1000 from fixes f join studies s on s.id = f.study_id where s.name = '{study}' and event_id = 5002"));
        Assert.Equal(32.095, await db.ScalarAsync<double>($"select st_y(location) from fixes f join studies s on s.id = f.study_id where s.name = '{study}' and event_id = 5002"), 9);
        // ground-speed, in any spelling (ground-speed, ground_speed, ground.speed), is a typed column of fixes; the
        // file has no other column the importer does not know, so nothing is left for attributes.
        Assert.Equal(0.8f, await db.ScalarAsync<float>($"select ground_speed from fixes f join studies s on s.id = f.study_id where s.name = '{study}' and event_id = 5002"));
        Assert.Equal(0, await Count($"select count(attributes) from fixes f join studies s on s.id = f.study_id where s.name = '{study}'"));
        // Grus vipio is the catalogue's synonym of Antigone vipio.
        Assert.Equal(SpeciesCatalogueNames.WhiteNapedCrane, await db.ScalarAsync<string>(
            $"select species_name from individuals i join studies s on s.id = i.study_id where s.name = '{study}' and local_identifier = 'WNC-1'"));
        Assert.Equal("Grus vipio", await db.ScalarAsync<string>(
            $"select taxon from individuals i join studies s on s.id = i.study_id where s.name = '{study}' and local_identifier = 'WNC-1'"));
    }

    [Fact]
    public async Task The_same_fixes_in_another_dialect_are_duplicates_of_the_stored_ones()
    {
        var first = files.Write("first.csv", File.ReadAllText(TestFiles.Data("tracks/dialect-hyphen.csv")).Replace("\"Dialects\"", "\"Twice\"", StringComparison.Ordinal));
        var again = files.Write("again.csv", File.ReadAllText(TestFiles.Data("tracks/dialect-dotted-r.csv")).Replace("\"Dialects R\"", "\"Twice\"", StringComparison.Ordinal));

        Assert.Equal(3, (await Import(first)).RowsAccepted);
        var second = await Import(again);

        // Different bytes (a new ledger entry) carrying the same three event ids of the same study.
        Assert.Equal(ImportStatus.Succeeded, second.Status);
        Assert.Equal(0, second.RowsAccepted);
        Assert.Equal(3, second.Duplicates);
        Assert.Equal(3, await FixesOf("Twice"));
        Assert.StartsWith("staged merge", Details(second).Route, StringComparison.Ordinal);
        Assert.Equal(3, await Count($"select duplicates from imports where id = {second.ImportId}"));
    }

    [Fact]
    public async Task Reimporting_the_same_file_does_nothing_and_says_so()
    {
        var path = files.Write("same.csv", File.ReadAllText(TestFiles.Data("tracks/dialect-hyphen.csv")).Replace("\"Dialects\"", "\"Same\"", StringComparison.Ordinal));
        var first = await Import(path);
        var second = await Import(path);

        Assert.Equal(ImportStatus.Unchanged, second.Status);
        Assert.Equal(first.ImportId, second.ImportId);
        Assert.Contains("nothing to do", second.Message, StringComparison.Ordinal);
        Assert.Equal(3, await FixesOf("Same"));
    }

    [Fact]
    public async Task Quoted_values_with_commas_and_quotes_are_read_as_values()
    {
        var path = files.Write("quoted.csv",
            "\"event-id\",\"timestamp\",\"location-long\",\"location-lat\",\"comments\",\"individual-local-identifier\",\"study-name\"\n" +
            "\"1\",\"2024-01-10 00:00:00.000\",\"127.5\",\"34.85\",\"landed, then \"\"fed\"\"\",\"BFS, ring K12\",\"Quoted\"\n" +
            "\"2\",\"2024-01-10 01:00:00.000\",\"127.51\",\"34.86\",\"\",\"BFS, ring K12\",\"Quoted\"\n");

        var result = await Import(path);

        Assert.Equal(ImportStatus.Succeeded, result.Status);
        Assert.Equal(2, result.RowsAccepted);
        Assert.Equal("landed, then \"fed\"", await db.ScalarAsync<string>("select attributes->>'comments' from fixes where event_id = 1 and study_id = (select id from studies where name = 'Quoted')"));
        Assert.Equal(1, await Count("select count(*) from individuals where local_identifier = 'BFS, ring K12'"));
        // An empty comment is not kept: nothing is lost, since the file said nothing.
        Assert.Equal(1, await Count("select count(*) from fixes where event_id = 2 and attributes is null and study_id = (select id from studies where name = 'Quoted')"));
    }

    [Fact]
    public async Task Duplicate_event_ids_in_one_file_are_stored_once()
    {
        var path = files.Write("dup-events.csv",
            "event-id,timestamp,location-long,location-lat,individual-local-identifier,study-name\n" +
            "11,2024-01-10 00:00:00.000,127.5,34.85,HC-1,DupEvents\n" +
            "12,2024-01-10 01:00:00.000,127.51,34.86,HC-1,DupEvents\n" +
            "11,2024-01-10 00:00:00.000,127.5,34.85,HC-1,DupEvents\n" +
            "13,2024-01-10 02:00:00.000,127.52,34.87,HC-1,DupEvents\n" +
            "12,2024-01-10 01:00:00.000,127.51,34.86,HC-1,DupEvents\n");

        var result = await Import(path);

        // 5 rows, event ids 11 and 12 twice: 3 distinct fixes.
        Assert.Equal(ImportStatus.Succeeded, result.Status);
        Assert.Equal(3, result.RowsAccepted);
        Assert.Equal(2, result.Duplicates);
        Assert.Equal(3, await FixesOf("DupEvents"));
        // The first row of a key wins.
        Assert.Equal(2, await Count("select source_line from fixes where event_id = 11 and study_id = (select id from studies where name = 'DupEvents')"));
    }

    [Fact]
    public async Task Duplicates_of_stored_fixes_and_within_the_file_are_counted_together()
    {
        const string head = "event-id,timestamp,location-long,location-lat,individual-local-identifier,study-name\n";
        await Import(files.Write("mixed-1.csv", head +
            "1,2024-01-10 00:00:00.000,127.5,34.85,HC-1,Mixed\n" +
            "2,2024-01-10 01:00:00.000,127.51,34.86,HC-1,Mixed\n"));

        var second = await Import(files.Write("mixed-2.csv", head +
            "2,2024-01-10 01:00:00.000,127.51,34.86,HC-1,Mixed\n" +   // event 2 is stored
            "3,2024-01-10 02:00:00.000,127.52,34.87,HC-1,Mixed\n" +   // new
            "3,2024-01-10 02:00:00.000,127.52,34.87,HC-1,Mixed\n" +   // event 3 again
            ",2024-01-10 00:00:00.000,127.5,34.85,HC-1,Mixed\n" +     // no event id: HC-1 at 00:00 is stored
            ",2024-01-10 03:00:00.000,127.53,34.88,HC-1,Mixed\n" +    // new
            ",2024-01-10 03:00:00.000,127.53,34.88,HC-1,Mixed\n"));   // HC-1 at 03:00 again

        Assert.Equal(ImportStatus.Succeeded, second.Status);
        Assert.Equal(2, second.RowsAccepted);
        Assert.Equal(4, second.Duplicates);
        Assert.Equal(4, await FixesOf("Mixed"));
    }

    [Fact]
    public async Task Two_overlapping_files_of_a_new_study_loaded_at_once_store_each_fix_once()
    {
        static string Rows(int from, int to) => "event-id,timestamp,location-long,location-lat,individual-local-identifier,study-name\n" +
            string.Concat(Enumerable.Range(from, to - from + 1).Select(i => string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{i},{new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(i):yyyy-MM-dd HH:mm:ss.fff},{127.5 + i * 1e-4:F4},34.85,HC-{i % 3},Concurrent\n")));
        var a = files.Write("concurrent-a.csv", Rows(1, 2000));
        var b = files.Write("concurrent-b.csv", Rows(1001, 3000));

        var results = await Task.WhenAll(Task.Run(() => Import(a)), Task.Run(() => Import(b)));

        // Events 1001..2000 are in both files: whichever loads second finds them stored. 3,000 distinct events.
        Assert.All(results, r => Assert.Equal(ImportStatus.Succeeded, r.Status));
        Assert.Equal(3000, results.Sum(r => r.RowsAccepted));
        Assert.Equal(1000, results.Sum(r => r.Duplicates));
        Assert.Equal(3000, await FixesOf("Concurrent"));
    }

    [Fact]
    public async Task Without_event_ids_individual_and_time_are_the_key()
    {
        var path = files.Write("dup-times.csv",
            "timestamp,location-long,location-lat,individual-local-identifier,study-name\n" +
            "2024-01-10 00:00:00.000,127.5,34.85,HC-1,DupTimes\n" +
            "2024-01-10 00:00:00.000,127.5,34.85,HC-2,DupTimes\n" +
            "2024-01-10 00:00:00.000,127.6,34.95,HC-1,DupTimes\n" +
            "2024-01-10 01:00:00.000,127.51,34.86,HC-1,DupTimes\n");

        var result = await Import(path);

        // HC-1 at 00:00 twice (the second with other coordinates: still the same event); HC-2 at 00:00 is another bird.
        Assert.Equal(3, result.RowsAccepted);
        Assert.Equal(1, result.Duplicates);
        Assert.Equal(127.5, await db.ScalarAsync<double>(
            "select st_x(location) from fixes f join individuals i on i.id = f.individual_id where i.local_identifier = 'HC-1' and f.observed_at = '2024-01-10 00:00:00+00' and f.study_id = (select id from studies where name = 'DupTimes')"), 9);
    }

    [Theory]
    [InlineData("5004,true,2024-01-10 03:00:00.000,130.37", "Truncated")]
    [InlineData("5004,true,2024-01-10 03:00:00.000,130.3700000,32.1000000,1.0,10,0.4,\"gps\",\"Grus vi", "TruncatedInQuotes")]
    public async Task A_truncated_last_line_rejects_the_file_naming_the_line(string lastLine, string study)
    {
        var lines = File.ReadAllLines(TestFiles.Data("tracks/dialect-hyphen.csv")).Select(l => l.Replace("\"Dialects\"", $"\"{study}\"", StringComparison.Ordinal)).ToList();
        lines[^1] = lastLine;
        var path = files.Write($"{study}.csv", string.Join('\n', lines));

        var result = await Import(path);

        // The header is line 1, so the fourth data row is line 5.
        Assert.Equal(ImportStatus.Rejected, result.Status);
        var error = Assert.Single(result.Errors);
        Assert.Equal(5, error.Line);
        Assert.Contains("truncated", error.Reason, StringComparison.Ordinal);
        Assert.Equal(0, await FixesOf(study));
        Assert.Equal(1, await Count($"select count(*) from import_errors where import_id = {result.ImportId} and line = 5"));
        Assert.Equal("rejected", await db.ScalarAsync<string>($"select status from imports where id = {result.ImportId}"));
    }

    [Fact]
    public async Task A_byte_that_is_not_utf8_is_reported_with_line_column_and_value()
    {
        var head = "event-id,timestamp,location-long,location-lat,individual-local-identifier,study-name\n" +
                   "1,2024-01-10 00:00:00.000,127.5,34.85,Ann,Latin1\n" +
                   "2,2024-01-10 01:00:00.000,127.51,34.86,";
        // "Zoë" written in Latin-1: 0xEB is no UTF-8.
        var bytes = Encoding.UTF8.GetBytes(head).Concat(new byte[] { (byte)'Z', (byte)'o', 0xEB }).Concat(Encoding.UTF8.GetBytes(",Latin1\n")).ToArray();
        var path = files.WriteBytes("latin1.csv", bytes);

        var result = await Import(path);

        Assert.Equal(ImportStatus.Rejected, result.Status);
        var error = Assert.Single(result.Errors);
        Assert.Equal(3, error.Line);
        Assert.Equal("individual-local-identifier", error.Column);
        Assert.Equal("Zo\uFFFD", error.Value);
        Assert.Contains("0xEB", error.Reason, StringComparison.Ordinal);
        Assert.Equal(0, await FixesOf("Latin1"));
    }

    [Fact]
    public async Task Bad_values_name_line_column_and_value_and_store_nothing()
    {
        var path = files.Write("bad-values.csv",
            "event-id,timestamp,location-long,location-lat,individual-local-identifier,study-name\n" +
            "1,2024-01-10 00:00:00.000,127.5,34.85,HC-1,BadValues\n" +
            "2,2024-13-10 01:00:00.000,127.51,34.86,HC-1,BadValues\n" +
            "3,2024-01-10 02:00:00.000,227.51,34.86,HC-1,BadValues\n");

        var result = await Import(path);

        Assert.Equal(ImportStatus.Rejected, result.Status);
        Assert.Equal(2, result.RowsRejected);
        Assert.Collection(result.Errors,
            e => Assert.Equal((3L, "timestamp", "2024-13-10 01:00:00.000"), (e.Line, e.Column!, e.Value!)),
            e => Assert.Equal((4L, "location-long", "227.51"), (e.Line, e.Column!, e.Value!)));
        Assert.Equal(0, await FixesOf("BadValues"));
    }

    [Fact]
    public async Task Accept_partial_stores_the_good_rows_and_keeps_the_errors()
    {
        var path = files.Write("partial.csv",
            "event-id,timestamp,location-long,location-lat,individual-local-identifier,study-name\n" +
            "1,2024-01-10 00:00:00.000,127.5,34.85,HC-1,Partial\n" +
            "2,yesterday,127.51,34.86,HC-1,Partial\n");

        var result = await Import(path, new TrackImportOptions { AcceptPartial = true });

        Assert.Equal(ImportStatus.Partial, result.Status);
        Assert.Equal(1, result.RowsAccepted);
        Assert.Equal(1, await FixesOf("Partial"));
        Assert.Equal(1, await Count($"select count(*) from import_errors where import_id = {result.ImportId} and line = 3 and \"column\" = 'timestamp'"));
    }

    [Fact]
    public async Task A_file_with_no_data_rows_succeeds_with_nothing_stored()
    {
        var path = files.Write("empty.csv", File.ReadLines(TestFiles.Data("tracks/dialect-hyphen.csv")).First() + "\n");

        var result = await Import(path);

        Assert.Equal(ImportStatus.Succeeded, result.Status);
        Assert.Equal(0, result.RowsRead);
        Assert.Equal(0, result.RowsAccepted);
        Assert.Equal("succeeded", await db.ScalarAsync<string>($"select status from imports where id = {result.ImportId}"));
    }

    [Fact]
    public async Task A_file_that_is_no_movebank_export_is_rejected_by_its_header()
    {
        var path = files.Write("counts.csv", "site,date,species,count\nIZU,2024-01-10,Grus monacha,12000\n");

        var result = await Import(path);

        Assert.Equal(ImportStatus.Rejected, result.Status);
        Assert.Contains("location-long", result.Message, StringComparison.Ordinal);
        Assert.Contains("counts.csv", result.Message, StringComparison.Ordinal);
    }

    /// <summary>Hourly fixes a few hundred metres apart at Izumi, one of them (09:00) 2.5 degrees away: about
    /// 300 km in an hour there and back, twice the default limit; every other leg is under 2 km/h.</summary>
    private static string SpikeTrack(string study, bool shuffled)
    {
        var lines = new List<string>();
        for (var h = 0; h < 16; h++)
        {
            var (lon, lat) = h == 9 ? (132.85, 32.09) : (130.35 + h * 0.001, 32.09);
            lines.Add($"{100 + h},2024-01-10 {h:D2}:00:00.000,{lon.ToString(System.Globalization.CultureInfo.InvariantCulture)},{lat.ToString(System.Globalization.CultureInfo.InvariantCulture)},HC-9,{study}");
        }
        if (shuffled)
        {
            lines.Reverse();
            (lines[3], lines[11]) = (lines[11], lines[3]);
        }
        return "event-id,timestamp,location-long,location-lat,individual-local-identifier,study-name\n" + string.Join('\n', lines) + "\n";
    }

    [Theory]
    [InlineData(false, "SpeedInOrder")]
    [InlineData(true, "SpeedOutOfOrder")]
    public async Task The_speed_filter_flags_the_spike_and_only_the_spike_in_any_row_order(bool shuffled, string study)
    {
        var result = await Import(files.Write($"{study}.csv", SpikeTrack(study, shuffled)));

        Assert.Equal(16, result.RowsAccepted);
        Assert.Equal(1, Details(result).SpeedFlagged);
        Assert.Equal(1, result.Flagged);
        Assert.Equal(109, await Count($"select event_id from fixes where speed_outlier and study_id = (select id from studies where name = '{study}')"));
        // Flagged, never deleted; the day's track line leaves the spike out.
        Assert.Equal(16, await FixesOf(study));
        Assert.Equal(15, await Count($"select fixes from track_days where study = '{study}'"));
    }

    [Fact]
    public async Task The_speed_limit_is_an_option()
    {
        var result = await Import(files.Write("SpeedLimit.csv", SpikeTrack("SpeedLimit", false)), new TrackImportOptions { SpeedLimitKmh = 400 });

        Assert.Equal(0, Details(result).SpeedFlagged);
    }

    [Fact]
    public async Task A_fix_added_later_beside_a_spike_is_judged_with_the_stored_neighbours()
    {
        // First the track without the 10:00 fix, then the 10:00 fix alone (a second file, merged).
        var all = SpikeTrack("SpeedLater", false).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var without = all.Where(l => !l.StartsWith("110,", StringComparison.Ordinal));
        await Import(files.Write("later-1.csv", string.Join('\n', without) + "\n"));
        // Without 10:00 the spike is left over two hours: about 236 km (2.5 degrees of longitude at 32N) in 2 h
        // is 118 km/h, under the limit, so one leg is fast and 09:00 is not a spike yet.
        Assert.Equal(0, await Count("select count(*) from fixes where speed_outlier and study_id = (select id from studies where name = 'SpeedLater')"));
        var second = await Import(files.Write("later-2.csv", all[0] + "\n" + all.Single(l => l.StartsWith("110,", StringComparison.Ordinal)) + "\n"));

        Assert.Equal(1, second.RowsAccepted);
        Assert.Equal(109, await Count("select event_id from fixes where speed_outlier and study_id = (select id from studies where name = 'SpeedLater')"));
    }

    [Fact]
    public async Task A_file_that_appends_to_stored_tracks_is_copied_directly_and_judged_with_the_stored_end()
    {
        // Hours 0-8 at Izumi, from 9:00 on 2.5 degrees east (the bird moved; ~236 km in an hour is over the limit).
        static string Hours(int from, int to) => "event-id,timestamp,location-long,location-lat,individual-local-identifier,study-name\n" +
            string.Concat(Enumerable.Range(from, to - from + 1).Select(h => string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{200 + h},2024-01-10 {h:D2}:00:00.000,{(h < 9 ? 130.35 + h * 0.001 : 132.85 + h * 0.001)},32.09,HC-7,Append\n")));
        var first = await Import(files.Write("append-1.csv", Hours(0, 9)));
        // 9:00 ends the stored track with one fast leg in: a spike as far as anyone can tell.
        Assert.Equal(1, Details(first).SpeedFlagged);
        Assert.Equal(209, await Count("select event_id from fixes where speed_outlier and study_id = (select id from studies where name = 'Append')"));

        var second = await Import(files.Write("append-2.csv", Hours(10, 15)));

        // 10:00 onwards stay where 9:00 was: 9:00 is left slowly, so it is a fast flight, not a spike.
        Assert.Equal("direct copy", Details(second).Route);
        Assert.Equal(6, second.RowsAccepted);
        Assert.Equal(0, Details(second).SpeedFlagged);
        Assert.Equal(0, await Count("select count(*) from fixes where speed_outlier and study_id = (select id from studies where name = 'Append')"));
        Assert.Equal(16, await FixesOf("Append"));
    }

    [Fact]
    public async Task Visible_false_and_marked_outliers_are_flagged_not_dropped()
    {
        var path = files.Write("flags.csv",
            "event-id,visible,timestamp,location-long,location-lat,manually-marked-outlier,individual-local-identifier,study-name\n" +
            "1,true,2024-01-10 00:00:00.000,127.5,34.85,,HC-1,Flags\n" +
            "2,false,2024-01-10 01:00:00.000,127.51,34.86,,HC-1,Flags\n" +
            "3,true,2024-01-10 02:00:00.000,127.52,34.87,true,HC-1,Flags\n" +
            "4,true,2024-01-10 03:00:00.000,127.53,34.88,false,HC-1,Flags\n");

        var result = await Import(path);

        Assert.Equal(4, result.RowsAccepted);
        Assert.Equal(2, result.Flagged);
        Assert.Equal(2, await db.ScalarAsync<long>($"select flagged from imports where id = {result.ImportId}"));
    }

    [Fact]
    public async Task The_real_fishers_export_imports_cleanly_from_gzip()
    {
        var result = await Import(TestFiles.Data("tracks/fishers-lapoint-newyork.csv.gz"));

        // Independent counts of the raw file (zcat | python csv): 47,347 data rows, 14,443 of them with empty
        // location-long/location-lat (e-obs "no fix" rows), all visible, no outlier marks, no repeated event id,
        // 8 animals; M5 has the most fixes (13,099), M1 the fewest (919).
        Assert.Equal(ImportStatus.Succeeded, result.Status);
        Assert.Equal(47_347, result.RowsRead);
        Assert.Equal(14_443, Details(result).RowsWithoutLocation);
        Assert.Equal(32_904, result.RowsAccepted);
        Assert.Equal(0, result.Duplicates);
        Assert.Equal(0, result.ErrorCount);
        const string study = "Martes pennanti LaPoint New York";
        Assert.Equal(32_904, await FixesOf(study));
        Assert.Equal(8, await Count($"select count(*) from individuals i join studies s on s.id = i.study_id where s.name = '{study}'"));
        Assert.Equal(13_099, await Count($"select count(*) from fixes f join individuals i on i.id = f.individual_id where i.local_identifier = 'M5'"));
        Assert.Equal(919, await Count($"select count(*) from fixes f join individuals i on i.id = f.individual_id where i.local_identifier = 'M1'"));
        // The e-obs columns are kept per fix: the header has 25 columns, 11 of them are fixes' own and 3 Movebank's
        // numeric attributes with columns of their own (ground-speed, heading, height-above-ellipsoid: empty in every
        // row of this file, so null in every fix), the other 11 are kept in attributes.
        Assert.Equal(11, Details(result).AttributeColumns.Count);
        Assert.DoesNotContain("ground-speed", Details(result).AttributeColumns);
        Assert.Equal(0, await Count($"select count(ground_speed) + count(heading) + count(height_above_ellipsoid) from fixes f join studies s on s.id = f.study_id where s.name = '{study}'"));
        Assert.Contains("eobs:used-time-to-get-fix", Details(result).AttributeColumns);
        // Martes pennanti is no catalogue species: accepted all the same.
        Assert.Equal(0, await Count($"select count(*) from individuals i join studies s on s.id = i.study_id where s.name = '{study}' and species_name is not null"));
        Assert.Equal("Martes pennanti", await db.ScalarAsync<string>($"select distinct taxon from individuals i join studies s on s.id = i.study_id where s.name = '{study}'"));
    }

    [Fact]
    public async Task Reference_data_links_tags_to_animals_and_a_retagged_animal_keeps_one_identity()
    {
        var result = await Import(TestFiles.Data("tracks/tags-without-individuals.csv"),
            new TrackImportOptions { ReferencePath = TestFiles.Data("tracks/reference-retagged.csv") });

        // A17 was on Misaki until 1 Feb, B42 on Misaki from 5 Feb, A17 on Kenta from 1 Mar.
        Assert.Equal(ImportStatus.Succeeded, result.Status);
        Assert.Equal(3, result.RowsAccepted);
        Assert.Equal(2, await Count("select count(*) from fixes f join individuals i on i.id = f.individual_id where i.local_identifier = 'Misaki' and i.study_id = (select id from studies where name = 'Retagged')"));
        Assert.Equal(9003, await Count("select event_id from fixes f join individuals i on i.id = f.individual_id where i.local_identifier = 'Kenta' and i.study_id = (select id from studies where name = 'Retagged')"));
        Assert.Equal(2, await Count("select count(*) from deployments d join individuals i on i.id = d.individual_id where i.local_identifier = 'Misaki' and i.study_id = (select id from studies where name = 'Retagged')"));
        Assert.Equal(2, await Count("select count(distinct tag_id) from fixes f join individuals i on i.id = f.individual_id where i.local_identifier = 'Misaki' and i.study_id = (select id from studies where name = 'Retagged')"));
        Assert.Equal(SpeciesCatalogueNames.HoodedCrane, await db.ScalarAsync<string>("select species_name from individuals where local_identifier = 'Kenta' and study_id = (select id from studies where name = 'Retagged')"));
    }

    [Fact]
    public async Task Fixes_of_a_tag_no_animal_wore_are_counted_not_stored()
    {
        var path = files.Write("undeployed.csv",
            "event-id,timestamp,location-long,location-lat,tag-local-identifier,study-name\n" +
            "9101,2023-10-20 06:00:00.000,130.35,32.09,A17,Undeployed\n" +   // before any deployment of A17
            "9102,2024-01-15 06:00:00.000,130.36,32.10,A17,Undeployed\n" +   // on Misaki
            "9103,2024-02-03 06:00:00.000,130.37,32.11,A17,Undeployed\n");   // between Misaki (off 1 Feb) and Kenta (on 1 Mar)

        var result = await Import(path, new TrackImportOptions { ReferencePath = TestFiles.Data("tracks/reference-retagged.csv") });

        Assert.Equal(ImportStatus.Succeeded, result.Status);
        Assert.Equal(1, result.RowsAccepted);
        Assert.Equal(2, Details(result).RowsWithoutIndividual);
        Assert.Equal(9102, await Count("select event_id from fixes where study_id = (select id from studies where name = 'Undeployed')"));
    }

    [Fact]
    public async Task A_byte_order_mark_and_windows_line_ends_change_nothing()
    {
        var text = File.ReadAllText(TestFiles.Data("tracks/dialect-hyphen.csv")).Replace("\"Dialects\"", "\"Windows\"", StringComparison.Ordinal).ReplaceLineEndings("\r\n");
        var path = files.Write("windows.csv", text, bom: true);

        var result = await Import(path);

        Assert.Equal(ImportStatus.Succeeded, result.Status);
        Assert.Equal(3, result.RowsAccepted);
        Assert.Equal(1, await Count("select count(*) from fixes where event_id = 5001 and study_id = (select id from studies where name = 'Windows')"));
    }

    [Fact]
    public async Task Without_individuals_or_reference_the_file_is_rejected_with_a_way_out()
    {
        var result = await Import(TestFiles.Data("tracks/tags-without-individuals.csv"));

        Assert.Equal(ImportStatus.Rejected, result.Status);
        // The way out is said as a remedy each caller words in its own options; the message carries no flag.
        Assert.Equal(ImportRemedy.ReferenceData, result.Remedies);
        Assert.Contains("reference data (deployments)", result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("--", result.Message, StringComparison.Ordinal);
    }

    public void Dispose() => files.Dispose();
}

internal static class SpeciesCatalogueNames
{
    public const string WhiteNapedCrane = Storage.SpeciesCatalogue.WhiteNapedCrane;
    public const string HoodedCrane = Storage.SpeciesCatalogue.HoodedCrane;
}
