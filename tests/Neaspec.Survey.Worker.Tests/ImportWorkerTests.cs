using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Neaspec.Survey.Testing;
using Neaspec.Survey.Worker.Tests.TestUtilities;

namespace Neaspec.Survey.Worker.Tests;

/// <summary>The worker as an operator runs it: the hosted service on its schedule, and
/// <c>neaspec worker --once</c> with its exit codes.</summary>
public sealed class ImportWorkerTests : IDisposable
{
    private readonly TestInbox inbox = new();

    public void Dispose() => inbox.Dispose();

    private IConfiguration Settings(PostgisDatabase db, string schedule) => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["ConnectionStrings:Survey"] = db.ConnectionString,
        ["Worker:Inbox"] = inbox.Folder,
        ["Worker:Schedule"] = schedule,
        ["Worker:StableSeconds"] = "0",
    }).Build();

    [Fact]
    public async Task The_hosted_service_runs_on_its_schedule_until_stopped()
    {
        await using var db = await PostgisDatabase.CreateAsync();
        inbox.Drop("a.csv", CountFiles.Small("T-A", 1));
        // The worker's clock starts now (the files were written in its past) and moves only when the test
        // moves it; nightly at 02:00, so a day forward always passes exactly one run.
        var time = new ObservedTimeProvider(DateTimeOffset.UtcNow);
        using var host = WorkerHost.Build(Settings(db, WorkerOptions.DefaultSchedule), once: false, time: time);
        var worker = host.Services.GetRequiredService<ImportWorker>();

        await host.StartAsync();
        await time.TimerSetAsync(); // the worker waits for the next 02:00
        Assert.Empty(inbox.ProcessedFiles());
        Assert.Null(worker.LastRun);

        time.Advance(TimeSpan.FromDays(1));
        await time.TimerSetAsync(); // the run is over; the worker waits for the night after
        Assert.Equal(["a.csv"], inbox.ProcessedFiles());

        inbox.Drop("b.csv", CountFiles.Small("T-B", 2));
        time.Advance(TimeSpan.FromDays(1));
        await time.TimerSetAsync();
        await host.StopAsync();

        Assert.Equal(["a.csv", "b.csv"], inbox.ProcessedFiles());
        Assert.Equal(2L, await db.ScalarAsync<long>("select count(*) from import_runs"));
        Assert.Equal(1, worker.LastRun!.FilesLoaded);
    }

    [Fact]
    public async Task Once_runs_one_run_and_stops_the_host()
    {
        await using var db = await PostgisDatabase.CreateAsync();
        inbox.Drop("a.csv", CountFiles.Small("T-A", 1));
        using var host = WorkerHost.Build(Settings(db, "0 2 * * *"), once: true);
        var worker = host.Services.GetRequiredService<ImportWorker>();

        await host.RunAsync();

        Assert.Equal(0, worker.LastRun!.ExitCode);
        Assert.Equal(["a.csv"], inbox.ProcessedFiles());
    }

    [Fact]
    public async Task Neaspec_worker_once_exits_1_when_a_file_was_rejected_and_imports_list_shows_the_run()
    {
        await using var db = await PostgisDatabase.CreateAsync();
        inbox.Drop("good.csv", CountFiles.Small("T-GOOD", 1));
        inbox.Drop("bad.csv", "site_code,date,species,count\nT-BAD,2025-01-01,Platalea minor,many\n");

        var (code, _, stderr) = await RunCliAsync(db.ConnectionString, "worker", "--once", "--inbox", inbox.Folder);

        Assert.True(code == 1, stderr);
        Assert.Equal(["bad.csv", "bad.csv.errors.csv"], inbox.QuarantineFiles());
        var (listCode, list, _) = await RunCliAsync(db.ConnectionString, "imports", "list", "--since", DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0, listCode);
        Assert.Contains("worker runs", list, StringComparison.Ordinal);
        Assert.Contains("completed_with_errors", list, StringComparison.Ordinal);
        Assert.Contains("1 rejected", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_worker_processes_started_together_import_each_file_once()
    {
        await using var db = await PostgisDatabase.CreateAsync();
        for (var i = 0; i < 6; i++)
        {
            inbox.Drop($"team-{i}.csv", CountFiles.Small($"T-{i}", i));
        }

        var results = await Task.WhenAll(
            RunCliAsync(db.ConnectionString, "worker", "--once", "--wait", "60", "--inbox", inbox.Folder),
            RunCliAsync(db.ConnectionString, "worker", "--once", "--wait", "60", "--inbox", inbox.Folder));

        Assert.All(results, r => Assert.True(r.Code == 0, r.Err + r.Out));
        Assert.Equal(6, inbox.ProcessedFiles().Count);
        Assert.Equal(6L, await db.ScalarAsync<long>("select count(*) from imports"));
        Assert.Equal(6L, await db.ScalarAsync<long>("select count(distinct sha256) from imports where status = 'succeeded'"));
        Assert.Equal(12L, await db.ScalarAsync<long>("select count(*) from counts"));
    }

    [Fact]
    public async Task Neaspec_worker_without_an_inbox_says_where_to_set_it()
    {
        var (code, _, stderr) = await RunCliAsync("Host=127.0.0.1", "worker", "--once", "--inbox", Path.Combine(inbox.Folder, "missing"));

        Assert.Equal(2, code);
        Assert.Contains("Worker:Inbox", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    private static Task<(int Code, string Out, string Err)> RunCliAsync(string connection, params string[] args) =>
        NeaspecProcess.RunAsync(connection, args);
}
