using Neaspec.Survey.Ingestion.Counts;
using Neaspec.Survey.Ingestion.Import;
using Neaspec.Survey.Ingestion.Sites;
using Neaspec.Survey.Ingestion.Tracks;
using Neaspec.Survey.Storage.Model;
using Npgsql;

namespace Neaspec.Survey.Ingestion.Tests.Import;

/// <summary>The claimed import's promise, for every kind of file: the ledger never says 'succeeded' without
/// the rows, and the rows never stay without the ledger saying so — because the ledger's final word is
/// written in the load's own transaction.</summary>
public sealed class ClaimedImportTests : IDisposable
{
    private readonly TestFiles files = new();

    public void Dispose() => files.Dispose();

    /// <summary>A file of each kind, the importer for it, and the query counting the rows an import stored.</summary>
    private (IFileImporter Importer, string Path, string StoredRows) Case(string kind) => kind switch
    {
        "counts" => (new CountImporter(), files.Write("crash-counts.csv",
            "site_code,country,latitude,longitude,date,species,count\n" +
            "CRASH-1,KR,41.0,129.5,2025-01-01,Platalea minor,12\nCRASH-1,KR,41.0,129.5,2025-01-02,Platalea minor,15\n"),
            "select count(*) from counts where import_id = {0}"),
        "sites" => (new SiteImporter(), files.Write("crash-sites.csv",
            "site_code,name_en,country,latitude,longitude\nCRASH-S1,Crash marsh,KR,35.1,127.1\nCRASH-S2,Crash bay,JP,32.1,130.1\n"),
            "select count(*) from sites where code like 'CRASH-S%'"),
        _ => (new TrackImporter(), files.Write("crash-tracks.csv",
            "event-id,timestamp,location-long,location-lat,individual-local-identifier,study-name\n" +
            "1,2024-10-01 00:00:00.000,127.2,38.2,GM-01,Crash\n2,2024-10-01 01:00:00.000,127.21,38.21,GM-01,Crash\n"),
            "select count(*) from fixes where import_id = {0}"),
    };

    [Theory]
    [InlineData("counts")]
    [InlineData("sites")]
    [InlineData("tracks")]
    public async Task A_loader_that_dies_between_its_load_and_the_ledgers_word_leaves_neither(string kind)
    {
        await using var db = await PostgisDatabase.CreateAsync();
        var (importer, path, storedRows) = Case(kind);
        var dies = new DiesAfterLoad(importer, db.ConnectionString);

        var outcome = await new ClaimedImport(db.Database).RunAsync(dies, new ImportRequest(path));

        // The load itself went through (its rows were written in the transaction) before the session died.
        Assert.Equal(ImportStatus.Succeeded, dies.Loaded?.Status);
        Assert.Equal(ImportStatus.Failed, outcome.Status);
        Assert.IsAssignableFrom<NpgsqlException>(outcome.Failure);
        Assert.Contains("nothing stored", outcome.Message, StringComparison.Ordinal);
        Assert.Equal(0L, await db.ScalarAsync<long>(string.Format(System.Globalization.CultureInfo.InvariantCulture, storedRows, outcome.ImportId)));
        Assert.Equal("failed", await db.ScalarAsync<string>($"select status from imports where id = {outcome.ImportId}"));

        // The file was not loaded, and the ledger does not stand in the way of loading it now.
        var rerun = await db.Database.ImportAsync(importer, path);
        Assert.Equal(ImportStatus.Succeeded, rerun.Status);
        Assert.Equal(2L, await db.ScalarAsync<long>(string.Format(System.Globalization.CultureInfo.InvariantCulture, storedRows, rerun.ImportId)));
        Assert.Equal(0L, await db.ScalarAsync<long>("select count(*) from imports where status = 'running'"));
    }

    [Fact]
    public async Task A_bug_after_the_load_rolls_it_back_and_the_ledger_says_failed()
    {
        await using var db = await PostgisDatabase.CreateAsync();
        var (importer, path, storedRows) = Case("counts");

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() =>
            new ClaimedImport(db.Database).RunAsync(new ThrowsAfterLoad(importer), new ImportRequest(path)));

        Assert.Equal("a broken invariant", thrown.Message);
        var id = await db.ScalarAsync<long>("select max(id) from imports");
        Assert.Equal("failed", await db.ScalarAsync<string>($"select status from imports where id = {id}"));
        Assert.Equal(0L, await db.ScalarAsync<long>(string.Format(System.Globalization.CultureInfo.InvariantCulture, storedRows, id)));
        Assert.Equal(0L, await db.ScalarAsync<long>("select count(*) from surveys"));
    }

    [Theory]
    [InlineData("counts", "counts", "import_id")]
    [InlineData("sites", "sites", "created_by_import_id")]
    [InlineData("tracks", "fixes", "import_id")]
    public async Task The_ledgers_word_commits_in_the_same_transaction_as_the_rows(string kind, string table, string importColumn)
    {
        await using var db = await PostgisDatabase.CreateAsync();
        var (importer, path, _) = Case(kind);

        var outcome = await db.Database.ImportAsync(importer, path);

        // xmin is the id of the transaction that wrote a row version: the ledger entry's final version and
        // the loaded rows come from one transaction.
        Assert.Equal(ImportStatus.Succeeded, outcome.Status);
        var ledgerTransaction = await db.ScalarAsync<string>($"select xmin::text from imports where id = {outcome.ImportId}");
        Assert.Equal([ledgerTransaction], await DistinctAsync(db, $"select distinct xmin::text from {table} where {importColumn} = {outcome.ImportId}"));
    }

    [Fact]
    public async Task Every_kind_writes_the_same_error_report_beside_the_file_or_where_asked()
    {
        await using var db = await PostgisDatabase.CreateAsync();
        var tracks = files.Write("bad-tracks.csv",
            "event-id,timestamp,location-long,location-lat,individual-local-identifier\n1,2024-13-45 00:00:00.000,127.2,38.2,GM-01\n");
        var elsewhere = Directory.CreateDirectory(Path.Combine(files.Folder, "reports")).FullName;

        var beside = await db.Database.ImportAsync(new TrackImporter(), tracks);
        var asked = await new ClaimedImport(db.Database).RunAsync(new SiteImporter(),
            new ImportRequest(files.Write("bad-sites.csv", "site_code,name_en,country,latitude,longitude\nX,Y,Korea,35,127\n")) { ReportDirectory = elsewhere });

        Assert.Equal(Path.Combine(files.Folder, "bad-tracks.csv.errors.csv"), beside.ErrorReportPath);
        Assert.Equal(Path.Combine(elsewhere, "bad-sites.csv.errors.csv"), asked.ErrorReportPath);
        Assert.StartsWith("bad-tracks.csv,2,timestamp,2024-13-45", File.ReadAllLines(beside.ErrorReportPath!)[1], StringComparison.Ordinal);
        Assert.StartsWith("bad-sites.csv,2,country,Korea", File.ReadAllLines(asked.ErrorReportPath!)[1], StringComparison.Ordinal);
        Assert.Equal(asked.ErrorReportPath, await db.ScalarAsync<string>($"select error_report_path from imports where id = {asked.ImportId}"));
    }

    private static async Task<List<string>> DistinctAsync(PostgisDatabase db, string sql)
    {
        await using var conn = await db.Database.DataSource.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }
        return values;
    }

    /// <summary>The real importer, then the loader's session ends as a crash, an OOM kill or a lost network
    /// would end it: terminated from another connection, after the load and before the ledger's word.</summary>
    private sealed class DiesAfterLoad(IFileImporter inner, string connectionString) : IFileImporter
    {
        public ImportOutcome? Loaded { get; private set; }

        public string Kind => inner.Kind;

        public async Task<ImportOutcome> LoadAsync(ClaimedFile claimed, CancellationToken cancellationToken)
        {
            Loaded = await inner.LoadAsync(claimed, cancellationToken);
            await using var killer = new NpgsqlConnection(connectionString);
            await killer.OpenAsync(cancellationToken);
            // With a timeout, pg_terminate_backend returns once the backend is gone.
            await using var kill = new NpgsqlCommand("select pg_terminate_backend($1, 60000)", killer);
            kill.Parameters.AddWithValue(claimed.Connection.ProcessID);
            Assert.Equal(true, await kill.ExecuteScalarAsync(cancellationToken));
            return Loaded;
        }
    }

    /// <summary>The real importer, then a bug: an exception after the rows are written.</summary>
    private sealed class ThrowsAfterLoad(IFileImporter inner) : IFileImporter
    {
        public string Kind => inner.Kind;

        public async Task<ImportOutcome> LoadAsync(ClaimedFile claimed, CancellationToken cancellationToken)
        {
            await inner.LoadAsync(claimed, cancellationToken);
            throw new InvalidOperationException("a broken invariant");
        }
    }
}
