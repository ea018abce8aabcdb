using Neaspec.Survey.Testing;
using Neaspec.Survey.Storage;
using Neaspec.Survey.Storage.Model;
using Neaspec.Survey.Worker.Tests.TestUtilities;

namespace Neaspec.Survey.Worker.Tests;

/// <summary>One runner at a time across machines. Each worker here has a data source of its own, as two
/// machines would.</summary>
public sealed class SingleRunnerTests : IDisposable
{
    private readonly TestInbox inbox = new();

    public void Dispose() => inbox.Dispose();

    [Fact]
    public async Task Two_workers_started_together_on_one_inbox_import_each_file_once()
    {
        await using var db = await PostgisDatabase.CreateAsync();
        await using var otherMachine = new SurveyDatabase(db.ConnectionString);
        for (var i = 0; i < 8; i++)
        {
            inbox.Drop($"team-{i}.csv", CountFiles.Small($"T-{i}", i, days: 3));
        }
        var options = inbox.Options(lockWaitSeconds: 60);

        var runs = await Task.WhenAll(
            Task.Run(() => inbox.Runner(db.Database, options).RunAsync()),
            Task.Run(() => inbox.Runner(otherMachine, options).RunAsync()));

        Assert.All(runs, r => Assert.Equal(ImportRunStatus.Succeeded, r.Status));
        Assert.Equal(8, runs.Sum(r => r.FilesLoaded));
        Assert.Equal(0, runs.Sum(r => r.FilesUnchanged)); // the second runner found the inbox already empty
        Assert.Equal(8, inbox.ProcessedFiles().Count);
        Assert.Empty(inbox.InboxFiles());
        Assert.Equal(8L, await db.ScalarAsync<long>("select count(*) from imports"));
        Assert.Equal(8L, await db.ScalarAsync<long>("select count(distinct sha256) from imports where status = 'succeeded'"));
        Assert.Equal(24L, await db.ScalarAsync<long>("select count(*) from counts"));
        Assert.Equal(2L, await db.ScalarAsync<long>("select count(*) from import_runs where status = 'succeeded'"));
    }

    [Fact]
    public async Task A_second_worker_that_does_not_wait_skips_and_says_who_runs()
    {
        await using var db = await PostgisDatabase.CreateAsync();
        await using var otherMachine = new SurveyDatabase(db.ConnectionString);
        inbox.Drop("a.csv", CountFiles.Small("T-A", 1));
        var importing = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var importers = HookedImporter.OnCounts(inbox.Options(), async ct =>
        {
            importing.SetResult();
            await release.Task.WaitAsync(ct);
        });
        var first = inbox.Runner(db.Database, importers: importers).RunAsync();
        await importing.Task;
        var logger = new TestLogger<ImportRunner>();

        var second = await inbox.Runner(otherMachine, inbox.Options(lockWaitSeconds: 0), logger).RunAsync();
        release.SetResult();
        var firstSummary = await first;

        Assert.Equal(RunSummary.Skipped, second.Status);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains(logger.Lines, l => l.Contains("another worker is running an import (neaspec-worker", StringComparison.Ordinal));
        Assert.Equal(1, firstSummary.FilesLoaded);
        Assert.Equal(1L, await db.ScalarAsync<long>("select count(*) from import_runs"));
    }

    [Fact]
    public async Task A_waiting_worker_waits_for_the_first_run_to_end_then_finds_nothing_left()
    {
        await using var db = await PostgisDatabase.CreateAsync();
        await using var otherMachine = new SurveyDatabase(db.ConnectionString);
        inbox.Drop("a.csv", CountFiles.Small("T-A", 1));
        var importing = new TaskCompletionSource();
        var release = new TaskCompletionSource();
        var importers = HookedImporter.OnCounts(inbox.Options(), async ct =>
        {
            importing.TrySetResult();
            await release.Task.WaitAsync(ct);
        });
        var first = inbox.Runner(db.Database, importers: importers).RunAsync();
        await importing.Task;
        var logger = new TestLogger<ImportRunner>();
        var second = inbox.Runner(otherMachine, inbox.Options(lockWaitSeconds: 60), logger).RunAsync();
        // The second worker says it waits, and still waits: the first run holds the lock until released.
        await logger.LoggedAsync("waiting up to 60 s");
        Assert.False(second.IsCompleted);

        release.SetResult();
        var (firstSummary, secondSummary) = (await first, await second);

        Assert.Equal(1, firstSummary.FilesLoaded);
        Assert.Equal((ImportRunStatus.Succeeded, 0), (secondSummary.Status, secondSummary.Files));
        Assert.Contains(logger.Lines, l => l.Contains("waiting up to 60 s", StringComparison.Ordinal));
        Assert.Equal(1L, await db.ScalarAsync<long>("select count(*) from imports"));
    }
}
