using System.Text;
using Neaspec.Survey.Ingestion.Counts;
using Neaspec.Survey.Ingestion.Sites;
using Neaspec.Survey.Testing;
using Neaspec.Survey.Storage.Model;

namespace Neaspec.Survey.Ingestion.Tests.Counts;

/// <summary>Count-survey files into the real PostGIS, one database per test.</summary>
public sealed class CountImportTests : IDisposable
{
    private const string Header = "site_code,site_name,country,latitude,longitude,date,time,species,count,count_type,method,observer,notes\n";
    private const string Sites = """
        site_code,name_en,name_ko,country,latitude,longitude
        KR-SCB,Suncheon Bay,순천만,KR,34.88,127.51
        JP-IZM,Izumi,,JP,32.125,130.27
        """;

    private readonly TestFiles files = new();

    public void Dispose() => files.Dispose();

    private async Task<PostgisDatabase> DatabaseWithSitesAsync()
    {
        var db = await PostgisDatabase.CreateAsync();
        var result = await db.Database.ImportAsync(new SiteImporter(), files.Write("sites.csv", Sites));
        Assert.Equal(ImportStatus.Succeeded, result.Status);
        return db;
    }

    private static async Task<long> CountRows(PostgisDatabase db) => await db.ScalarAsync<long>("select count(*) from counts");

    [Fact]
    public async Task A_canonical_file_loads_counts_surveys_and_a_ledger_entry()
    {
        await using var db = await DatabaseWithSitesAsync();
        var path = files.Write("census.csv", Header +
            "KR-SCB,Suncheon Bay,KR,,,2025-01-12,07:30,저어새,21,total,ground count,Kim,맑음\n" +
            "KR-SCB,Suncheon Bay,KR,,,2025-01-12,07:30,흑두루미,6980,total,ground count,Kim,\n" +
            "JP-IZM,Izumi,JP,,,2025-01-12,,ナベヅル,13650,total,roost,Tanaka,\n");

        var result = await db.Database.ImportAsync(new CountImporter(), path);

        Assert.Equal(ImportStatus.Succeeded, result.Status);
        Assert.Equal((3L, 3L, 2L), (result.RowsRead, result.RowsAccepted, Assert.IsType<CountImportDetails>(result.Details).Surveys));
        Assert.Equal(3L, await CountRows(db));
        Assert.Equal(2L, await db.ScalarAsync<long>("select count(*) from surveys"));
        Assert.Equal(21 + 6980 + 13650L, await db.ScalarAsync<long>("select sum(individuals) from counts"));
        // Korean text arrives intact.
        Assert.Equal("맑음", await db.ScalarAsync<string>("select notes from counts where species_name = 'Platalea minor'"));
        Assert.Equal("succeeded", await db.ScalarAsync<string>($"select status from imports where id = {result.ImportId}"));
        Assert.Equal(3L, await db.ScalarAsync<long>($"select rows_accepted from imports where id = {result.ImportId}"));
        Assert.Equal(3L, await db.ScalarAsync<long>($"select count(*) from counts where import_id = {result.ImportId}"));
    }

    [Fact]
    public async Task Darwin_core_semicolons_and_a_bom_load_the_same()
    {
        await using var db = await DatabaseWithSitesAsync();
        var path = files.Write("dwc.csv",
            "locationID;eventDate;scientificName;individualCount;recordedBy;occurrenceRemarks\n" +
            "KR-SCB;2025-01-12;Grus vipio;4;Kim;\n" +
            "JP-IZM;2025-01-12;Малая колпица;0;Tanaka;none seen\n", bom: true);

        var result = await db.Database.ImportAsync(new CountImporter(), path);

        Assert.Equal(ImportStatus.Succeeded, result.Status);
        Assert.Equal(2L, await CountRows(db));
        Assert.Equal(4L, await db.ScalarAsync<long>("select individuals from counts where species_name = 'Antigone vipio'"));
        // 0 is a real zero, stored as 0, not as NULL.
        Assert.Equal(0L, await db.ScalarAsync<long>("select individuals from counts where species_name = 'Platalea minor'"));
    }

    [Fact]
    public async Task A_blank_count_is_stored_as_null_with_its_reason()
    {
        await using var db = await DatabaseWithSitesAsync();
        var path = files.Write("fog.csv", Header + "KR-SCB,,,,,2025-02-10,,흑두루미,,,,,\"not counted: heavy fog\"\n");

        var result = await db.Database.ImportAsync(new CountImporter(), path);

        Assert.Equal(ImportStatus.Succeeded, result.Status);
        Assert.Equal(1L, await db.ScalarAsync<long>("select count(*) from counts where individuals is null"));
        Assert.Equal("not counted: heavy fog", await db.ScalarAsync<string>("select not_counted_reason from counts"));
    }

    [Fact]
    public async Task Reimporting_the_same_file_is_a_no_op_that_says_so()
    {
        await using var db = await DatabaseWithSitesAsync();
        var path = files.Write("c.csv", Header + "KR-SCB,,,,,2025-01-12,,저어새,21,,,,\n");
        var first = await db.Database.ImportAsync(new CountImporter(), path);

        var second = await db.Database.ImportAsync(new CountImporter(), path);

        Assert.Equal(ImportStatus.Unchanged, second.Status);
        Assert.Equal(first.ImportId, second.ImportId);
        Assert.Contains("already imported", second.Message, StringComparison.Ordinal);
        Assert.Equal(1L, await CountRows(db));
    }

    [Fact]
    public async Task A_corrected_file_replaces_the_counts_of_the_same_surveys_and_keeps_their_source()
    {
        await using var db = await DatabaseWithSitesAsync();
        var original = await db.Database.ImportAsync(new CountImporter(), files.Write("v1.csv", Header +
            "KR-SCB,,,,,2025-01-12,,저어새,21,,,,\n" +
            "KR-SCB,,,,,2025-01-12,,흑두루미,6890,,,,\n" +
            "KR-SCB,,,,,2025-01-12,,Grus grus,3,,,,\n"));
        // Another team's count of another species at the same visit must survive the correction.
        await db.Database.ImportAsync(new CountImporter(), files.Write("other-team.csv", Header + "KR-SCB,,,,,2025-01-12,,두루미,2,,,,\n"));

        // The correction: a typo fixed (6890 -> 6980) and a Common Crane row withdrawn.
        var corrected = await db.Database.ImportAsync(new CountImporter(), files.Write("v2.csv", Header +
            "KR-SCB,,,,,2025-01-12,,저어새,21,,,,\n" +
            "KR-SCB,,,,,2025-01-12,,흑두루미,6980,,,,\n" +
            "KR-SCB,,,,,2025-01-13,,Grus grus,1,,,,\n"));

        Assert.Equal(ImportStatus.Succeeded, corrected.Status);
        Assert.Equal(6980L, await db.ScalarAsync<long>("select individuals from counts where species_name = 'Grus monacha'"));
        Assert.Equal(1L, await db.ScalarAsync<long>("select count(*) from counts where species_name = 'Grus monacha'"));
        Assert.Equal(corrected.ImportId, await db.ScalarAsync<long>("select import_id from counts where species_name = 'Grus monacha'"));
        Assert.Equal(0L, await db.ScalarAsync<long>(
            "select count(*) from counts c join surveys s on s.id = c.survey_id where species_name = 'Grus grus' and s.survey_date = '2025-01-12'"));
        Assert.Equal(2L, await db.ScalarAsync<long>("select individuals from counts where species_name = 'Grus japonensis'"));
        Assert.Equal(0L, await db.ScalarAsync<long>($"select count(*) from counts where import_id = {original.ImportId}"));
    }

    [Fact]
    public async Task A_file_with_a_bad_row_stores_nothing_by_default_and_reports_file_line_column_value()
    {
        await using var db = await DatabaseWithSitesAsync();
        var path = files.Write("bad.csv", Header +
            "KR-SCB,,,,,2025-01-12,,저어새,21,,,,\n" +
            "KR-SCB,,,,,2024-02-30,,흑두루미,50,,,,\n");

        var result = await db.Database.ImportAsync(new CountImporter(), path);

        Assert.Equal(ImportStatus.Rejected, result.Status);
        Assert.Equal(0L, await CountRows(db));
        Assert.Equal(0L, await db.ScalarAsync<long>("select count(*) from surveys"));
        var e = Assert.Single(result.Errors);
        Assert.Equal((3L, "date", "2024-02-30"), (e.Line, e.Column, e.Value));
        Assert.Contains("bad.csv", result.Message, StringComparison.Ordinal);
        Assert.Contains("nothing stored", result.Message, StringComparison.Ordinal);
        // The ledger keeps the rejection and its row error; the report sits beside the file.
        Assert.Equal("rejected", await db.ScalarAsync<string>($"select status from imports where id = {result.ImportId}"));
        Assert.Equal(3L, await db.ScalarAsync<long>($"select line from import_errors where import_id = {result.ImportId}"));
        Assert.Equal(Path.Combine(files.Folder, "bad.csv.errors.csv"), result.ErrorReportPath);
        var report = File.ReadAllLines(result.ErrorReportPath!);
        Assert.Equal("file,line,column,value,reason", report[0]);
        Assert.StartsWith("bad.csv,3,date,2024-02-30,", report[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Accept_partial_loads_the_good_rows_and_reports_the_bad()
    {
        await using var db = await DatabaseWithSitesAsync();
        var path = files.Write("partial.csv", Header +
            "KR-SCB,,,,,2025-01-12,,저어새,21,,,,\n" +
            "KR-SCB,,,,,2025-01-12,,Grus imaginaria,5,,,,\n" +
            "JP-IZM,,,,,2025-01-12,,ナベヅル,-4,,,,\n" +
            "JP-IZM,,,,,2025-01-12,,マナヅル,2710,,,,\n");

        var result = await db.Database.ImportAsync(new CountImporter(new CountImportOptions { AcceptPartial = true }), path);

        Assert.Equal(ImportStatus.Partial, result.Status);
        Assert.Equal((4L, 2L, 2L), (result.RowsRead, result.RowsAccepted, result.RowsRejected));
        Assert.Equal(2L, await CountRows(db));
        Assert.Equal([3L, 4L], result.Errors.Select(e => e.Line).Order());
    }

    [Fact]
    public async Task Duplicate_rows_inside_one_file_are_errors_pointing_at_the_first()
    {
        await using var db = await DatabaseWithSitesAsync();
        var path = files.Write("dup.csv", Header +
            "KR-SCB,,,,,2025-01-12,,저어새,21,,,,\n" +
            "JP-IZM,,,,,2025-01-12,,ナベヅル,100,,,,\n" +
            "KR-SCB,,,,,2025-01-12,,Platalea minor,22,,,,\n");

        var result = await db.Database.ImportAsync(new CountImporter(), path);

        Assert.Equal(ImportStatus.Rejected, result.Status);
        var e = Assert.Single(result.Errors);
        Assert.Equal(4L, e.Line);
        Assert.Contains("duplicate of line 2", e.Reason, StringComparison.Ordinal);
        Assert.Equal(0L, await CountRows(db));
    }

    [Fact]
    public async Task An_unknown_site_with_coordinates_becomes_provisional()
    {
        await using var db = await DatabaseWithSitesAsync();
        var path = files.Write("new-site.csv", Header + "CN-SJL,Shengjin Lake,CN,30.38,117.05,2025-01-12,,白头鹤,505,,,,\n");

        var result = await db.Database.ImportAsync(new CountImporter(), path);

        Assert.Equal(ImportStatus.Succeeded, result.Status);
        Assert.Equal(["CN-SJL"], Assert.IsType<CountImportDetails>(result.Details).ProvisionalSites);
        Assert.True(await db.ScalarAsync<bool>("select is_provisional from sites where code = 'CN-SJL'"));
        Assert.Equal(117.05, await db.ScalarAsync<double>("select st_x(location) from sites where code = 'CN-SJL'"), 6);
        Assert.Equal(4326, await db.ScalarAsync<int>("select st_srid(location) from sites where code = 'CN-SJL'"));
    }

    [Fact]
    public async Task An_unknown_code_on_top_of_a_known_site_is_reported_as_a_likely_duplicate()
    {
        await using var db = await DatabaseWithSitesAsync();
        // 34.885 N 127.515 E is about 0.7 km from Suncheon Bay's point.
        var path = files.Write("near.csv", Header + "KR-SUNCHEON,Suncheon,KR,34.885,127.515,2025-01-12,,저어새,3,,,,\n");

        var result = await db.Database.ImportAsync(new CountImporter(), path);

        Assert.Equal(ImportStatus.Rejected, result.Status);
        var e = Assert.Single(result.Errors);
        Assert.Equal(("site_code", "KR-SUNCHEON"), (e.Column, e.Value));
        Assert.Contains("known site KR-SCB lies 0.7 km away", e.Reason, StringComparison.Ordinal);
        Assert.Equal(0L, await db.ScalarAsync<long>("select count(*) from sites where code = 'KR-SUNCHEON'"));
    }

    [Fact]
    public async Task An_unknown_code_without_coordinates_is_an_error()
    {
        await using var db = await DatabaseWithSitesAsync();
        var result = await db.Database.ImportAsync(new CountImporter(), files.Write("x.csv", Header + "XX-NOWHERE,,,,,2025-01-12,,저어새,3,,,,\n"));
        var e = Assert.Single(result.Errors);
        Assert.Equal(("site_code", "XX-NOWHERE"), (e.Column, e.Value));
    }

    [Theory]
    [InlineData("empty.csv", "", "empty")]
    [InlineData("header-only.csv", Header, "no data rows")]
    [InlineData("pipes.csv", "site_code:date:species:count\nKR-SCB:2025-01-12:저어새:3\n", "single column")]
    [InlineData("no-count.csv", "site_code,date,species\nKR-SCB,2025-01-12,저어새\n", "missing required column count")]
    public async Task Malformed_files_are_rejected_with_a_reason(string name, string content, string reason)
    {
        await using var db = await DatabaseWithSitesAsync();

        var result = await db.Database.ImportAsync(new CountImporter(), files.Write(name, content));

        Assert.Equal(ImportStatus.Rejected, result.Status);
        Assert.Contains(reason, result.Message, StringComparison.Ordinal);
        Assert.Contains(name, result.Message, StringComparison.Ordinal);
        Assert.Equal(0L, await CountRows(db));
    }

    [Fact]
    public async Task A_row_with_more_fields_than_the_header_is_an_error()
    {
        await using var db = await DatabaseWithSitesAsync();
        var result = await db.Database.ImportAsync(new CountImporter(), files.Write("shift.csv",
            "site_code,date,species,count,notes\nKR-SCB,2025-01-12,저어새,3,windy, cold\n"));
        var e = Assert.Single(result.Errors);
        Assert.Equal(2L, e.Line);
        Assert.Contains("6 fields but the header has 5", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_line_that_is_not_utf8_is_an_error_not_mojibake()
    {
        await using var db = await DatabaseWithSitesAsync();
        var good = Encoding.UTF8.GetBytes(Header + "KR-SCB,,,,,2025-01-12,,저어새,3,,,,\n");
        // "순천" in EUC-KR, as Excel saves a Korean CSV by default.
        byte[] eucKr = [0xBC, 0xF8, 0xC3, 0xB5];
        var bad = Encoding.ASCII.GetBytes("KR-SCB,,,,,2025-01-13,,Platalea minor,3,,,,").Concat(eucKr).Concat("\n"u8.ToArray());
        var result = await db.Database.ImportAsync(new CountImporter(), files.WriteBytes("euckr.csv", [.. good, .. bad]));

        Assert.Equal(ImportStatus.Rejected, result.Status);
        var e = Assert.Single(result.Errors);
        Assert.Equal(3L, e.Line);
        Assert.Contains("not UTF-8", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_5_mb_file_with_one_bad_line_at_the_end_stores_nothing()
    {
        await using var db = await DatabaseWithSitesAsync();
        var sb = new StringBuilder(Header);
        // One visit per row, all within the plausible dates (1950 .. 2004): a day each, then again an hour later.
        var day = new DateOnly(1950, 1, 1);
        var rows = 0;
        while (sb.Length < 5_000_000)
        {
            sb.Append("KR-SCB,Suncheon Bay,KR,,,").Append(day.AddDays(rows % 20_000).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
              .Append(System.Globalization.CultureInfo.InvariantCulture, $",{6 + (rows / 20_000):00}:00,흑두루미,").Append(rows % 9000)
              .Append(",total,roost count at dawn,Suncheon team,routine\n");
            rows++;
        }
        sb.Append("KR-SCB,Suncheon Bay,KR,,,2020-01-01,06:00,흑두루미,many,total,,,\n");
        var path = files.Write("big.csv", sb.ToString());
        Assert.True(new FileInfo(path).Length > 5_000_000);

        var result = await db.Database.ImportAsync(new CountImporter(), path);

        Assert.Equal(ImportStatus.Rejected, result.Status);
        Assert.Equal(rows + 1L, result.RowsRead);
        var e = Assert.Single(result.Errors);
        Assert.Equal((rows + 2L, "many"), (e.Line, e.Value));
        Assert.Equal(0L, await CountRows(db));
        Assert.Equal(0L, await db.ScalarAsync<long>("select count(*) from surveys"));
    }

    [Fact]
    public async Task Summary_totals_per_country_site_and_species_leave_out_not_counted_visits()
    {
        await using var db = await DatabaseWithSitesAsync();
        await db.Database.ImportAsync(new CountImporter(), files.Write("s.csv", Header +
            "KR-SCB,,,,,2025-01-12,,흑두루미,6980,,,,\n" +
            "KR-SCB,,,,,2025-02-10,,흑두루미,,,,,fog\n" +
            "KR-SCB,,,,,2024-12-15,,흑두루미,7305,,,,\n" +
            "JP-IZM,,,,,2025-01-12,,흑두루미,13650,,,,\n"));

        var rows = await CountSummary.QueryAsync(db.Database, "Grus monacha", null, null, "KR", CancellationToken.None);

        var row = Assert.Single(rows);
        Assert.Equal(("KR", "KR-SCB", 2L, 6980 + 7305L), (row.Country, row.SiteCode, row.Surveys, row.Total));
    }

    [Fact]
    public async Task Counts_follow_their_survey_and_keep_their_species_and_import()
    {
        await using var db = await DatabaseWithSitesAsync();
        var result = await db.Database.ImportAsync(new CountImporter(), files.Write("g.csv", Header +
            "KR-SCB,,,,,2025-01-12,,저어새,21,,,,\n" + "JP-IZM,,,,,2025-01-12,,ナベヅル,100,,,,\n"));
        Assert.Equal(ImportStatus.Succeeded, result.Status);

        // A species or an import that counts refer to cannot go (23503, as a foreign key would say).
        var species = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => db.ScalarAsync<long>(
            "with d as (delete from species where scientific_name = 'Platalea minor' returning 1) select count(*) from d"));
        Assert.Equal("23503", species.SqlState);
        var import = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => db.ScalarAsync<long>(
            $"with d as (delete from imports where id = {result.ImportId} returning 1) select count(*) from d"));
        Assert.Equal("23503", import.SqlState);

        // Deleting a survey takes its counts with it.
        await db.ScalarAsync<long>("with d as (delete from surveys where site_id = (select id from sites where code = 'KR-SCB') returning 1) select count(*) from d");
        Assert.Equal(["Grus monacha"], await SpeciesWithCounts(db));
    }

    private static async Task<List<string>> SpeciesWithCounts(PostgisDatabase db)
    {
        await using var conn = await db.Database.DataSource.OpenConnectionAsync();
        await using var cmd = new Npgsql.NpgsqlCommand("select species_name from counts order by 1", conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }
        return names;
    }
}
