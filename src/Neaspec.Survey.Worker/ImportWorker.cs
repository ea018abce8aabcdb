using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Neaspec.Survey.Worker;

/// <summary>The hosted service: runs <see cref="ImportRunner"/> at every occurrence of the cron schedule
/// in the configured time zone (or once, then stops the host).</summary>
public sealed class ImportWorker(ImportRunner runner, WorkerOptions options, WorkerMode mode, IHostApplicationLifetime lifetime,
    ILogger<ImportWorker> logger, TimeProvider time) : BackgroundService
{
    /// <summary>The latest run's summary (for <c>--once</c>'s exit code).</summary>
    public RunSummary? LastRun { get; private set; }

    /// <summary>Set when a run threw (a broken invariant); <c>--once</c> exits non-zero.</summary>
    public Exception? Failure { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (mode.Once)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            finally
            {
                lifetime.StopApplication();
            }
            return;
        }

        var schedule = options.CronSchedule;
        var zone = options.Zone;
        logger.LogInformation("import worker started: inbox {Inbox}, schedule '{Schedule}' in {Zone}, files settle after {Stable} s",
            options.InboxFolder, options.Schedule, zone.Id, options.StableSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            var next = schedule.GetNextOccurrence(now, zone);
            if (next is null)
            {
                logger.LogWarning("the schedule '{Schedule}' has no further occurrence; the worker idles", options.Schedule);
                await Task.Delay(Timeout.InfiniteTimeSpan, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                return;
            }
            logger.LogInformation("next run at {Next:yyyy-MM-dd HH:mm:ss zzz} ({Zone})", TimeZoneInfo.ConvertTime(next.Value, zone), zone.Id);
            try
            {
                await Task.Delay(next.Value - now, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            await RunOnceAsync(stoppingToken);
        }
    }

    private async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            LastRun = await runner.RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            logger.LogInformation("run cancelled: the worker is stopping");
        }
        catch (Exception ex)
        {
            // A scheduled service keeps its schedule after a failed run; the next night tries again.
            Failure = ex;
            logger.LogError(ex, "the run failed");
        }
    }
}
