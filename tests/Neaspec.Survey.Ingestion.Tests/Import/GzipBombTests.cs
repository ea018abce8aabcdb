using Neaspec.Survey.Storage.Model;

namespace Neaspec.Survey.Ingestion.Tests.Import;

/// <summary>A gzip bomb — 4 MB that expand to 4 GiB in one endless line — refused by `neaspec tracks
/// import` as a user runs it (a process of its own), within a memory ceiling read from the process itself:
/// its peak resident set (VmHWM) while it runs.</summary>
public sealed class GzipBombTests(PostgisDatabase db) : IClassFixture<PostgisDatabase>, IDisposable
{
    /// <summary>The ceiling: the CLI's own footprint (runtime, Npgsql, Spectre.Console: about 100 MB) with
    /// room to spare, and a tenth of what the bomb's one line would take to hold. Without the line limit the
    /// reader grows its buffer towards the line's 4 GiB and passes this within seconds.</summary>
    private const long CeilingBytes = 400L << 20;

    private readonly TestFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public async Task A_gzip_bomb_is_refused_at_its_endless_line_within_a_memory_ceiling_and_stores_nothing()
    {
        var path = Path.Combine(files.Folder, "bomb.csv.gz");
        var expands = GzipBomb.Write(path, members: 64);
        Assert.True(expands > 4L << 30, $"the bomb expands to {expands:N0} bytes");
        Assert.True(new FileInfo(path).Length < 8 << 20, $"the bomb is {new FileInfo(path).Length:N0} bytes of gzip");

        var run = await NeaspecProcess.RunMeasuredAsync(db.ConnectionString, ["tracks", "import", path], CeilingBytes,
            psi => psi.WorkingDirectory = files.Folder);

        Assert.False(run.Killed, $"the import passed the ceiling: peak {run.PeakBytes:N0} bytes; {run.Err}");
        Assert.True(run.PeakBytes is > 0 and < CeilingBytes, $"peak {run.PeakBytes:N0} bytes");
        Assert.Equal(1, run.Code);
        Assert.Contains("bomb.csv.gz", run.Err, StringComparison.Ordinal);
        Assert.Contains("line 2", run.Err, StringComparison.Ordinal);
        Assert.Contains("Import:Limits:MaxLineBytes", run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.Out + run.Err, StringComparison.Ordinal);
        Assert.Equal(ImportStatus.Rejected, await db.ScalarAsync<string>("select status from imports where original_name = 'bomb.csv.gz'"));
        Assert.Equal(0L, await db.ScalarAsync<long>("select count(*) from fixes"));
    }
}
