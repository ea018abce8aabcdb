using System.Text;
using Neaspec.Survey.Ingestion.Counts;
using Neaspec.Survey.Ingestion.Import;
using Neaspec.Survey.Ingestion.Sites;
using Neaspec.Survey.Ingestion.Tracks;
using Neaspec.Survey.Storage.Model;

namespace Neaspec.Survey.Ingestion.Tests.Import;

/// <summary>Bytes PostgreSQL cannot store as text never reach it: a NUL byte or bytes that are not UTF-8 are
/// row errors with line and column, and UTF-16 text (with or without a byte order mark) is refused whole
/// with its encoding named — in every importer, as bad input (rejected), never as a database failure.</summary>
public sealed class EncodingTests(PostgisDatabase db) : IClassFixture<PostgisDatabase>, IDisposable
{
    private readonly TestFiles files = new();

    public void Dispose() => files.Dispose();

    /// <summary>A good file of each kind: header, a good row, then <paramref name="bad"/> in a text column
    /// of line 3, then a good row.</summary>
    private static (IFileImporter Importer, string Text, string Column) Case(string kind, string bad) => kind switch
    {
        "counts" => (new CountImporter(), "site_code,country,latitude,longitude,date,species,count,observer\n" +
            "ENC-1,KR,35.1,127.1,2025-01-02,Grus monacha,4,Kim\n" +
            $"ENC-1,KR,35.1,127.1,2025-01-03,Grus monacha,5,{bad}\n" +
            "ENC-1,KR,35.1,127.1,2025-01-04,Grus monacha,6,Lee\n", "observer"),
        "sites" => (new SiteImporter(), "site_code,name_en,country,latitude,longitude\n" +
            "ENC-S1,Marsh,KR,35.1,127.1\n" + $"ENC-S2,{bad},KR,35.2,127.2\n" + "ENC-S3,Bay,JP,32.1,130.1\n", "name_en"),
        _ => (new TrackImporter(), "event-id,timestamp,location-long,location-lat,individual-local-identifier,study-name\n" +
            "1,2024-10-01 00:00:00.000,127.2,38.2,GM-1,Enc\n" + $"2,2024-10-01 01:00:00.000,127.3,38.3,{bad},Enc\n" +
            "3,2024-10-01 02:00:00.000,127.4,38.4,GM-1,Enc\n", "individual-local-identifier"),
    };

    private async Task<long> StoredAsync(long? importId) => await db.ScalarAsync<long>(
        $"select (select count(*) from counts where import_id = {importId}) + (select count(*) from fixes where import_id = {importId})" +
        " + (select count(*) from sites where code like 'ENC-S%')");

    [Theory]
    [InlineData("counts")]
    [InlineData("sites")]
    [InlineData("tracks")]
    public async Task A_NUL_byte_is_a_row_error_with_line_and_column_and_nothing_is_stored(string kind)
    {
        var (importer, text, column) = Case(kind, "Pa\0rk");
        var path = files.Write($"nul-{kind}.csv", text);

        var outcome = await db.Database.ImportAsync(importer, path);

        Assert.Equal(ImportStatus.Rejected, outcome.Status);
        var error = Assert.Single(outcome.Errors);
        Assert.Equal(3, error.Line);
        Assert.Equal(column, error.Column);
        Assert.Equal("Pa\\0rk", error.Value);
        Assert.Contains("NUL", error.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("rerun", outcome.Message, StringComparison.Ordinal);
        Assert.Equal(0L, await StoredAsync(outcome.ImportId));
        // The ledger keeps the error, its value readable.
        Assert.Equal("Pa\\0rk", await db.ScalarAsync<string>($"select value from import_errors where import_id = {outcome.ImportId}"));
    }

    [Theory]
    [InlineData("counts")]
    [InlineData("sites")]
    [InlineData("tracks")]
    public async Task Bytes_that_are_not_UTF8_are_a_row_error_with_line_and_column(string kind)
    {
        var (importer, text, column) = Case(kind, "@@");
        var bytes = Encoding.UTF8.GetBytes(text);
        var at = Array.IndexOf(bytes, (byte)'@');
        bytes[at] = 0xB1; // EUC-KR's first byte of 김: not UTF-8
        bytes[at + 1] = 0xE8;
        var path = files.WriteBytes($"euckr-{kind}.csv", bytes);

        var outcome = await db.Database.ImportAsync(importer, path);

        Assert.Equal(ImportStatus.Rejected, outcome.Status);
        var error = Assert.Single(outcome.Errors);
        Assert.Equal((3L, column), (error.Line, error.Column));
        Assert.Contains("not UTF-8", error.Reason, StringComparison.Ordinal);
        Assert.Equal(0L, await StoredAsync(outcome.ImportId));
    }

    public static TheoryData<string, string, string> Utf16Cases()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var kind in new[] { "counts", "sites", "tracks" })
        {
            data.Add(kind, "utf-16le-bom", "UTF-16 LE (byte order mark FF FE)");
            data.Add(kind, "utf-16be", "UTF-16 BE (no byte order mark)");
            data.Add(kind, "utf-16le", "UTF-16 LE (no byte order mark)");
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Utf16Cases))]
    public async Task UTF16_text_is_refused_whole_with_its_encoding_named(string kind, string encoding, string named)
    {
        var (importer, text, _) = Case(kind, "Park");
        var bytes = encoding switch
        {
            "utf-16le-bom" => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
            "utf-16be" => Encoding.BigEndianUnicode.GetBytes(text),
            _ => Encoding.Unicode.GetBytes(text),
        };
        var path = files.WriteBytes($"{encoding}-{kind}.csv", bytes);

        var outcome = await db.Database.ImportAsync(importer, path);

        Assert.Equal(ImportStatus.Rejected, outcome.Status);
        var error = Assert.Single(outcome.Errors);
        Assert.Contains(named, error.Reason, StringComparison.Ordinal);
        Assert.Contains("CSV UTF-8", error.Reason, StringComparison.Ordinal);
        Assert.Contains(named, outcome.Message, StringComparison.Ordinal);
        Assert.Equal(0L, await StoredAsync(outcome.ImportId));
        Assert.Equal("rejected", await db.ScalarAsync<string>($"select status from imports where id = {outcome.ImportId}"));
    }

    [Fact]
    public async Task A_value_the_database_refuses_as_data_is_a_rejection_not_a_failure_to_retry()
    {
        var path = files.Write("refused.csv", "anything\n");

        var outcome = await new ClaimedImport(db.Database).RunAsync(new RefusedByDatabase(), new ImportRequest(path) { ReportDirectory = files.Folder });

        Assert.Equal(ImportStatus.Rejected, outcome.Status);
        Assert.Null(outcome.Failure);
        Assert.DoesNotContain("rerun", outcome.Message, StringComparison.Ordinal);
        Assert.Contains("22P02", Assert.Single(outcome.Errors).Reason, StringComparison.Ordinal);
        Assert.Equal(1L, await db.ScalarAsync<long>($"select count(*) from imports where original_name = 'refused.csv' and status = 'rejected'"));
    }

    [Theory]
    [InlineData("counts", "site_code")]
    [InlineData("sites", "site_code")]
    [InlineData("tracks", "individual-local-identifier")]
    public async Task A_huge_identifier_is_a_row_error_not_a_database_failure(string kind, string column)
    {
        // An identifier of 3,000 random letters: more than a B-tree index row holds (PostgreSQL would say
        // 54000 half-way through the load, and the importer never got to name the line).
        var random = new Random(16);
        var id = new string([.. Enumerable.Range(0, 3000).Select(_ => (char)random.Next('a', 'z' + 1))]);
        var (importer, text, _) = Case(kind, "Park");
        text = kind switch
        {
            "counts" => text.Replace("ENC-1,KR,35.1,127.1,2025-01-03", $"{id},KR,35.1,127.1,2025-01-03", StringComparison.Ordinal),
            "sites" => text.Replace("ENC-S2,", $"{id},", StringComparison.Ordinal),
            _ => text.Replace("Park", id, StringComparison.Ordinal),
        };
        var path = files.Write($"huge-id-{kind}.csv", text);

        var outcome = await db.Database.ImportAsync(importer, path);

        Assert.Equal(ImportStatus.Rejected, outcome.Status);
        Assert.Null(outcome.Failure);
        var error = Assert.Single(outcome.Errors);
        Assert.Equal((3L, column), (error.Line, error.Column));
        Assert.Contains("longer than 1,000 bytes", error.Reason, StringComparison.Ordinal);
        Assert.Equal(0L, await StoredAsync(outcome.ImportId));
    }

    /// <summary>An importer whose load hits a data error in PostgreSQL (an invalid integer, SQLSTATE 22P02).</summary>
    private sealed class RefusedByDatabase : IFileImporter
    {
        public string Kind => ImportKind.Counts;

        public async Task<ImportOutcome> LoadAsync(ClaimedFile claimed, CancellationToken cancellationToken)
        {
            await using var cmd = new Npgsql.NpgsqlCommand("select 'not a number'::int", claimed.Connection);
            await cmd.ExecuteScalarAsync(cancellationToken);
            return new ImportOutcome { Status = ImportStatus.Succeeded, Message = "unreachable" };
        }
    }
}
