using System.Diagnostics;
using Neaspec.Survey.Ingestion.Ledger;
using Neaspec.Survey.Storage;
using Neaspec.Survey.Storage.Model;
using Neaspec.Survey.Worker.Tests.TestUtilities;
using Npgsql;
using Xunit.Abstractions;

namespace Neaspec.Survey.Worker.Tests;

/// <summary>The database server dies in the middle of a 300,000-row count import (pg_ctl stop -m
/// immediate, on a cluster of this class's own): nothing half-loaded, the file stays in the inbox, and
/// the next run loads it exactly once. Tests of this class run one after the other on that cluster.</summary>
public sealed class DatabaseFaultTests(PrivateCluster cluster, ITestOutputHelper output) : IClassFixture<PrivateCluster>, IDisposable
{
    private const int LargeRows = 300_000;
    private static readonly string LargeFile = CountFiles.Large(LargeRows);

    private readonly TestInbox inbox = new();

    public void Dispose() => inbox.Dispose();

    [Fact]
    public async Task Server_killed_mid_import_no_partial_rows_file_kept_next_run_loads_it_once()
    {
        await cluster.StartAsync();
        await using var database = await cluster.CreateDatabaseAsync("kill_mid_import");
        inbox.Drop("census-300k.csv", LargeFile, TimeSpan.FromMinutes(10));
        inbox.Drop("later.csv", CountFiles.Small("T-LATER", 1), TimeSpan.FromMinutes(5)); // its turn comes after the big one
        var sha = await FileFingerprint.Sha256Async(Path.Combine(inbox.Folder, "census-300k.csv"));
        var logger = new TestLogger<ImportRunner>();

        var run = inbox.Runner(database, logger: logger).RunAsync();
        var killedAfter = await KillWhenLoadingAsync(database, run);
        var aborted = await run;
        output.WriteLine($"killed {killedAfter.TotalSeconds:0.0} s into the load; run: {aborted.Message}");
        output.WriteLine(logger.Text);

        Assert.Equal(ImportRunStatus.Aborted, aborted.Status);
        Assert.Equal(3, aborted.ExitCode);
        Assert.Equal(["census-300k.csv", "later.csv"], inbox.InboxFiles());
        Assert.Empty(inbox.ProcessedFiles());
        Assert.Contains(logger.Lines, l => l.Contains("retry", StringComparison.Ordinal));

        await cluster.StartAsync();
        Assert.Equal(0L, await ScalarAsync(database, "select count(*) from counts"));
        Assert.Equal(0L, await ScalarAsync(database, "select count(*) from surveys"));
        Assert.Equal(0L, await ScalarAsync(database, "select count(*) from sites"));

        var clock = Stopwatch.StartNew();
        var next = await inbox.Runner(database).RunAsync();
        output.WriteLine($"next run: {next.Message} ({clock.Elapsed.TotalSeconds:0.0} s)");

        Assert.Equal((ImportRunStatus.Succeeded, 2, LargeRows + 2L), (next.Status, next.FilesLoaded, next.Rows));
        Assert.Equal(["census-300k.csv", "later.csv"], inbox.ProcessedFiles());
        Assert.Empty(inbox.InboxFiles());
        Assert.Equal(LargeRows + 2L, await ScalarAsync(database, "select count(*) from counts"));
        Assert.Equal(1L, await ScalarAsync(database, $"select count(*) from imports where sha256 = '{sha}' and status = 'succeeded'"));
        // The killed attempt is in the ledger as failed (its claim found abandoned), not as running.
        Assert.Equal(0L, await ScalarAsync(database, "select count(*) from imports where status = 'running'"));
        Assert.True(await ScalarAsync(database, $"select count(*) from imports where sha256 = '{sha}' and status = 'failed'") >= 1);
        // The aborted run's summary could not be stored while the server was down; the next run says so.
        Assert.Equal(0L, await ScalarAsync(database, "select count(*) from import_runs where status = 'running'"));

        // And the same bytes dropped again change nothing.
        inbox.Drop("census-300k-again.csv", LargeFile);
        var again = await inbox.Runner(database).RunAsync();
        Assert.Equal((0, 1), (again.FilesLoaded, again.FilesUnchanged));
        Assert.Equal(LargeRows + 2L, await ScalarAsync(database, "select count(*) from counts"));
    }

    [Fact]
    public async Task Server_killed_mid_track_import_leaves_no_fixes_and_the_next_run_loads_the_file_once()
    {
        const int Fixes = 400_000;
        await cluster.StartAsync();
        await using var database = await cluster.CreateDatabaseAsync("kill_mid_tracks");
        var path = Path.Combine(inbox.Folder, "tracks-400k.csv");
        Neaspec.Survey.Ingestion.Tracks.TrackGenerator.Write(path, Fixes, seed: 7);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(-10));
        var sha = await FileFingerprint.Sha256Async(path);

        var run = inbox.Runner(database).RunAsync();
        var killedAfter = await KillWhenLoadingAsync(database, run);
        var aborted = await run;
        output.WriteLine($"killed {killedAfter.TotalSeconds:0.0} s into the track load; run: {aborted.Message}");

        Assert.Equal(ImportRunStatus.Aborted, aborted.Status);
        Assert.Equal(["tracks-400k.csv"], inbox.InboxFiles());
        await cluster.StartAsync();
        Assert.Equal(0L, await ScalarAsync(database, "select count(*) from fixes"));

        var next = await inbox.Runner(database).RunAsync();

        Assert.Equal((ImportRunStatus.Succeeded, 1), (next.Status, next.FilesLoaded));
        Assert.Equal(["tracks-400k.csv"], inbox.ProcessedFiles());
        // Exactly what an uninterrupted load of the same file stores, and no fix twice.
        await using var reference = await cluster.CreateDatabaseAsync("uninterrupted_tracks");
        var clean = await reference.ImportAsync(new Neaspec.Survey.Ingestion.Tracks.TrackImporter(), Path.Combine(inbox.Folder, "processed", "tracks-400k.csv"));
        Assert.Equal(ImportStatus.Succeeded, clean.Status);
        var expected = await ScalarAsync(reference, "select count(*) from fixes");
        Assert.True(expected > Fixes * 0.9, $"the generator's file should be mostly fixes, got {expected}");
        Assert.Equal(expected, await ScalarAsync(database, "select count(*) from fixes"));
        Assert.Equal(0L, await ScalarAsync(database,
            "select count(*) from (select study_id, event_id from fixes where event_id is not null group by 1, 2 having count(*) > 1) d"));
        Assert.Equal(1L, await ScalarAsync(database, $"select count(*) from imports where sha256 = '{sha}' and status = 'succeeded'"));
        Assert.Equal(0L, await ScalarAsync(database, "select count(*) from imports where status = 'running'"));
    }

    [Fact]
    public async Task A_server_restart_during_the_import_is_ridden_out_by_the_retries()
    {
        await cluster.StartAsync();
        await using var database = await cluster.CreateDatabaseAsync("restart_mid_import");
        inbox.Drop("census-300k.csv", LargeFile);
        var options = inbox.Options();
        options.Retry = new RetryOptions
        {
            MaxAttempts = 8, BaseDelaySeconds = 0.5, MaxDelaySeconds = 4, BreakerMinimumThroughput = 10,
            BreakerSamplingSeconds = 60, BreakDurationSeconds = 5,
        };
        var logger = new TestLogger<ImportRunner>();

        var run = inbox.Runner(database, options, logger).RunAsync();
        await KillWhenLoadingAsync(database, run);
        await cluster.StartAsync();
        var summary = await run;
        output.WriteLine(logger.Text);

        Assert.Equal((ImportRunStatus.Succeeded, 1, (long)LargeRows), (summary.Status, summary.FilesLoaded, summary.Rows));
        Assert.Contains(logger.Lines, l => l.Contains("retry", StringComparison.Ordinal));
        Assert.Equal(["census-300k.csv"], inbox.ProcessedFiles());
        Assert.Equal((long)LargeRows, await ScalarAsync(database, "select count(*) from counts"));
        Assert.Equal(1L, await ScalarAsync(database, "select count(*) from imports where status = 'succeeded'"));
        Assert.Equal("succeeded", await ScalarAsync<string>(database, $"select status from import_runs where id = {summary.RunId}"));
    }

    [Fact]
    public async Task A_database_down_when_the_run_starts_leaves_every_file_in_the_inbox()
    {
        await cluster.StartAsync();
        await using var database = await cluster.CreateDatabaseAsync("down_at_start");
        inbox.Drop("a.csv", CountFiles.Small("T-A", 1));
        inbox.Drop("b.csv", CountFiles.Small("T-B", 2));
        await cluster.KillAsync();
        try
        {
            var summary = await inbox.Runner(database).RunAsync();

            Assert.Equal((ImportRunStatus.Aborted, 3, 2), (summary.Status, summary.ExitCode, summary.FilesLeft));
            Assert.Null(summary.RunId);
            Assert.Equal(["a.csv", "b.csv"], inbox.InboxFiles());
        }
        finally
        {
            await cluster.StartAsync();
        }
        var next = await inbox.Runner(database).RunAsync();
        Assert.Equal(2, next.FilesLoaded);
    }

    /// <summary>Waits until the import's transaction (COPY into staging, then the merge; any importer's)
    /// has been open for a moment, then kills the server.</summary>
    private async Task<TimeSpan> KillWhenLoadingAsync(SurveyDatabase database, Task run)
    {
        var clock = Stopwatch.StartNew();
        // No time limit: the run itself ends the wait (it finishes, or it is seen loading and killed), however
        // slowly a busy machine gets it going.
        while (!run.IsCompleted)
        {
            // A claimed file and a transaction open for over 300 ms: short ledger statements never last that long.
            if (await ScalarAsync(database,
                    """
                    select count(*) from pg_stat_activity
                    where datname = current_database() and pid <> pg_backend_pid() and backend_type = 'client backend'
                      and now() - xact_start > interval '300 milliseconds'
                      and exists (select 1 from imports where status = 'running')
                    """) > 0)
            {
                await cluster.KillAsync();
                return clock.Elapsed;
            }
            await Task.Delay(20);
        }
        throw new InvalidOperationException("the import was never seen loading; nothing was killed");
    }

    private static async Task<long> ScalarAsync(SurveyDatabase database, string sql) => await ScalarAsync<long>(database, sql);

    private static async Task<T> ScalarAsync<T>(SurveyDatabase database, string sql)
    {
        // Unpooled: a connection pooled before the kill would be dead.
        await using var conn = await database.SessionDataSource.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        return (T)(await cmd.ExecuteScalarAsync())!;
    }
}
