using System.Security.Cryptography;
using System.Text;
using Neaspec.Survey.Ingestion.Counts;
using Neaspec.Survey.Ingestion.Import;
using Neaspec.Survey.Storage.Model;

namespace Neaspec.Survey.Ingestion.Tests.Import;

/// <summary>What the ledger names is exactly what was loaded: a file is hashed and loaded from one snapshot,
/// whatever a writer does to the original meanwhile, and a file that changes while it is read is not
/// claimed. The writer is a thread of its own that appends when the import says where it is (its
/// progress reports), so the append lands inside the import on any machine, however busy.</summary>
public sealed class SnapshotTests(PostgisDatabase db) : IClassFixture<PostgisDatabase>, IDisposable
{
    // Over 65,536 rows, so the count importer reports progress while it reads (every 65,536 rows).
    private const int Rows = 70_000;
    private const string Header = "site_code,country,latitude,longitude,date,species,count\n";

    private readonly TestFiles files = new();

    public void Dispose() => files.Dispose();

    /// <summary>One survey per row: a site per 1,000 rows (11 km apart, on their own meridian), a day per
    /// row within it.</summary>
    private string CountFile(string name, string site, string longitude)
    {
        var text = new StringBuilder(Header);
        for (var i = 0; i < Rows; i++)
        {
            text.Append(System.Globalization.CultureInfo.InvariantCulture,
                $"{site}-{i / 1000},KR,{30 + (i / 1000 * 0.1):0.0},{longitude},{new DateOnly(1990, 1, 1).AddDays(i % 1000):yyyy-MM-dd},Grus monacha,{i % 50}\n");
        }
        return files.Write(name, text.ToString());
    }

    [Fact]
    public async Task Rows_appended_while_the_file_is_loaded_are_not_loaded_and_the_ledger_names_the_bytes_that_were()
    {
        var path = CountFile("growing.csv", "SNAP", "125.5");
        var original = SHA256.HashData(await File.ReadAllBytesAsync(path));
        using var writer = new AppendingWriter(path, "SNAP-0,KR,30.0,125.5,2020-06-01,Grus monacha,7\n", rows: 9);

        var outcome = await new ClaimedImport(db.Database).RunAsync(new CountImporter(), new ImportRequest(path)
        {
            Progress = writer.AppendOn("reading"),
        });

        Assert.True(writer.Appended, "the writer appended during the load");
        Assert.Equal(ImportStatus.Succeeded, outcome.Status);
        Assert.Equal(Rows, outcome.RowsRead);
        Assert.Equal((long)Rows, await db.ScalarAsync<long>($"select count(*) from counts where import_id = {outcome.ImportId}"));
        Assert.Equal(0L, await db.ScalarAsync<long>("select count(*) from surveys where survey_date = '2020-06-01'"));
        Assert.Equal(Convert.ToHexStringLower(original), await db.ScalarAsync<string>($"select sha256 from imports where id = {outcome.ImportId}"));
        Assert.Equal(Rows + 1 + 9, File.ReadAllLines(path).Length);
    }

    [Fact]
    public async Task A_file_that_changes_while_it_is_read_is_not_claimed_and_nothing_is_stored()
    {
        var path = CountFile("still-written.csv", "MOVING", "128.5");
        using var writer = new AppendingWriter(path, "MOVING-0,KR,30.0,128.5,2020-06-01,Grus monacha,7\n", rows: 1);
        var before = await db.ScalarAsync<long>("select count(*) from imports");

        var outcome = await new ClaimedImport(db.Database).RunAsync(new CountImporter(), new ImportRequest(path)
        {
            Progress = writer.AppendOn("snapshot"),
        });

        Assert.True(writer.Appended, "the writer appended while the file was read");
        Assert.Equal("changing", outcome.Status);
        Assert.Contains("still being written", outcome.Message, StringComparison.Ordinal);
        Assert.Equal(before, await db.ScalarAsync<long>("select count(*) from imports"));
        Assert.Equal(0L, await db.ScalarAsync<long>("select count(*) from surveys s join sites t on t.id = s.site_id where t.code like 'MOVING-%'"));

        // Once the writer is done, the file loads whole.
        var again = await new ClaimedImport(db.Database).RunAsync(new CountImporter(), new ImportRequest(path));
        Assert.Equal(ImportStatus.Succeeded, again.Status);
        Assert.Equal(Rows + 1, again.RowsRead);
    }

    /// <summary>A writer thread that appends <c>rows</c> lines to a file the first time the import reports
    /// the given stage, while the import waits for it (so the append lies inside the import).</summary>
    private sealed class AppendingWriter : IDisposable
    {
        private readonly SemaphoreSlim go = new(0);
        private readonly SemaphoreSlim done = new(0);
        private readonly Thread thread;
        private int asked;

        public AppendingWriter(string path, string line, int rows)
        {
            thread = new Thread(() =>
            {
                go.Wait();
                if (Volatile.Read(ref asked) == 2)
                {
                    return;
                }
                using (var file = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite))
                {
                    var bytes = Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(line, rows)));
                    file.Write(bytes);
                }
                Appended = true;
                done.Release();
            }) { IsBackground = true };
            thread.Start();
        }

        public bool Appended { get; private set; }

        /// <summary>Progress that hands over to the writer on the first report of <paramref name="stage"/>.</summary>
        public IProgress<ImportProgress> AppendOn(string stage) => new Synchronous(p =>
        {
            if (p.Stage == stage && Interlocked.CompareExchange(ref asked, 1, 0) == 0)
            {
                go.Release();
                done.Wait();
            }
        });

        public void Dispose()
        {
            if (Interlocked.CompareExchange(ref asked, 2, 0) == 0)
            {
                go.Release();
            }
            thread.Join();
            go.Dispose();
            done.Dispose();
        }
    }

    /// <summary>Progress reported on the importer's own thread (Progress&lt;T&gt; would post it elsewhere).</summary>
    private sealed class Synchronous(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}
