using System.Diagnostics;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;
using Neaspec.Survey.Ingestion.Import;
using Neaspec.Survey.Ingestion.Ledger;
using Neaspec.Survey.Storage;
using Neaspec.Survey.Storage.Model;
using Neaspec.Survey.Worker.Inbox;
using Npgsql;
using Polly;

namespace Neaspec.Survey.Worker;

/// <summary>One run over the inbox: take the run lock, load every settled file through the claimed import
/// with the importer of its kind, move it to processed/ or quarantine/, and keep a summary in the ledger's
/// <c>import_runs</c>. A database that stays down ends the run; the files not loaded stay in the inbox for
/// the next run.</summary>
public sealed class ImportRunner
{
    // A file arriving during a run is taken by the same run once it has settled; a bound keeps a
    // folder that never stops filling from holding the run forever.
    private const int MaxPasses = 10;

    private readonly SurveyDatabase database;
    private readonly WorkerOptions options;
    private readonly IReadOnlyDictionary<FileKind, IFileImporter> importers;
    private readonly ILogger logger;
    private readonly ResiliencePipeline pipeline;
    private readonly DropFolder folder;
    private readonly TimeProvider time;
    private readonly ImportLedger ledger;
    private readonly ClaimedImport claimedImport;
    private readonly string importedBy = $"worker@{Environment.MachineName}";

    /// <summary>A runner over <paramref name="options"/>' inbox; <paramref name="importers"/> replace the
    /// kind -> importer table (tests), <paramref name="limits"/> are the <c>Import:Limits</c> every file is read
    /// within (default: the defaults).</summary>
    public ImportRunner(SurveyDatabase database, WorkerOptions options, IReadOnlyDictionary<FileKind, IFileImporter>? importers,
        ILogger<ImportRunner> logger, TimeProvider? time = null, ImportLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.database = database;
        this.options = options;
        this.logger = logger;
        this.importers = importers ?? FileImporters.Create(options);
        pipeline = DatabaseResilience.Create(options.Retry, logger);
        this.time = time ?? TimeProvider.System;
        folder = new DropFolder(options, this.time);
        ledger = new ImportLedger(database);
        claimedImport = new ClaimedImport(database, limits, this.time);
    }

    public async Task<RunSummary> RunAsync(CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        folder.EnsureFolders();
        var run = new Run();
        try
        {
            run.Lock = await pipeline.ExecuteAsync(
                async ct => await RunLock.TryAcquireAsync(database, TimeSpan.FromSeconds(options.LockWaitSeconds), logger, time, ct), cancellationToken);
            if (run.Lock is null)
            {
                return new RunSummary { Status = RunSummary.Skipped, Message = "another worker is running an import; this run was skipped", Duration = clock.Elapsed };
            }
            (run.Id, run.Start) = await pipeline.ExecuteAsync(async ct => await ledger.StartRunAsync(Environment.MachineName, ct), cancellationToken);
            logger.LogInformation("run #{Run} started on {Host}: inbox {Inbox}", run.Id, Environment.MachineName, folder.Inbox);
            await RunPassesAsync(run, cancellationToken);
        }
        catch (Exception ex) when (run.Id == 0 && DatabaseResilience.IsDatabaseDown(ex) && !cancellationToken.IsCancellationRequested)
        {
            return NotStarted(ex, clock);
        }
        finally
        {
            if (run.Lock is not null)
            {
                await run.Lock.DisposeAsync();
            }
        }

        var summary = Summarise(run, clock.Elapsed);
        await FinishRunAsync(summary, aborted: run.AbortReason is not null);
        var level = summary.Status == ImportRunStatus.Succeeded ? LogLevel.Information : LogLevel.Warning;
        logger.Log(level, "run #{Run} {Status} in {Duration:0.0} s: {Message}", run.Id, summary.Status, summary.Duration.TotalSeconds, summary.Message);
        return summary;
    }

    /// <summary>Looks at the inbox again after each batch, so that files arriving during the run are taken
    /// once they settle; stops when a pass finds nothing new or the run has to stop.</summary>
    private async Task RunPassesAsync(Run run, CancellationToken ct)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var settlingSaid = new HashSet<string>(StringComparer.Ordinal);
        for (var pass = 0; pass < MaxPasses && run.AbortReason is null; pass++)
        {
            var scan = folder.Scan();
            foreach (var f in scan.Settling.Where(f => settlingSaid.Add(f.Path)))
            {
                logger.LogInformation("{File}: still being written (changed {Age:0} s ago, settles after {Stable} s); left for a later run",
                    f.Name, (time.GetUtcNow().UtcDateTime - f.LastWriteUtc).TotalSeconds, options.StableSeconds);
            }
            // Sites before the counts and tracks that name them; otherwise oldest first.
            var batch = scan.Ready.Where(f => !seen.Contains(f.Path))
                .Select(f => (File: f, Kind: TryDetect(f)))
                .OrderBy(x => LoadOrder(x.Kind)).ThenBy(x => x.File.LastWriteUtc).ThenBy(x => x.File.Name, StringComparer.Ordinal)
                .ToList();
            if (batch.Count == 0)
            {
                return;
            }
            foreach (var (file, detected) in batch)
            {
                seen.Add(file.Path);
                if (!await ProcessInRunAsync(run, file, detected, ct))
                {
                    return;
                }
            }
        }
    }

    /// <summary>One file of a run; false when the run has to stop (the worker stops, the database stays
    /// down, the run lock is lost).</summary>
    private async Task<bool> ProcessInRunAsync(Run run, InboxFile file, DetectedFile? detected, CancellationToken ct)
    {
        if (ct.IsCancellationRequested)
        {
            run.AbortReason = "the worker is stopping";
            return false;
        }
        (run.Lock, run.AbortReason) = await KeepLockAsync(run.Lock, ct);
        if (run.AbortReason is not null)
        {
            return false;
        }
        try
        {
            run.Tally.Results.Add(await ProcessAsync(file, detected, run, ct));
            return true;
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            run.AbortReason = "the worker is stopping";
            run.Tally.Results.Add(new FileResult(file.Name, "?", "left", "import cancelled; left in the inbox") { Destination = file.Path });
        }
        catch (DatabaseDownException ex)
        {
            run.AbortReason = $"database unavailable ({ex.Message})";
            run.Tally.Results.Add(new FileResult(file.Name, ex.Kind, "left", "database unavailable; left in the inbox for the next run") { Destination = file.Path });
            logger.LogError("{File}: database unavailable after retries ({Fault}); the run stops, files stay in the inbox for the next run", file.Name, ex.Message);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The inbox itself misbehaves (permissions, a full disk): this file waits, the others go on.
            run.Tally.Failed++;
            logger.LogError("{File}: {Error}; left in the inbox", file.Name, ex.Message);
            run.Tally.Results.Add(new FileResult(file.Name, detected?.LedgerKind ?? "?", ImportStatus.Failed, ex.Message) { Destination = file.Path });
            return true;
        }
        return false;
    }

    /// <summary>A database restart ends our session and with it the run lock: take it again before the
    /// next file, or stop if another worker took it in between.</summary>
    private async Task<(RunLock? Lock, string? AbortReason)> KeepLockAsync(RunLock? current, CancellationToken ct)
    {
        if (current is not null && await current.IsHeldAsync(ct))
        {
            return (current, null);
        }
        if (current is not null)
        {
            await current.DisposeAsync();
        }
        logger.LogWarning("the run lock's session ended (database restart?); taking the lock again");
        try
        {
            var again = await pipeline.ExecuteAsync(async t => await RunLock.TryAcquireAsync(database, TimeSpan.Zero, logger, time, t), ct);
            return again is null
                ? (null, "the run lock was lost in a database restart and another worker holds it now")
                : (again, null);
        }
        catch (Exception ex) when (DatabaseResilience.IsDatabaseDown(ex) && !ct.IsCancellationRequested)
        {
            return (null, $"database unavailable ({DatabaseResilience.Describe(ex)})");
        }
    }

    private RunSummary NotStarted(Exception ex, Stopwatch clock)
    {
        var scan = folder.Scan();
        var left = scan.Ready.Count + scan.Settling.Count;
        var message = $"database unavailable ({DatabaseResilience.Describe(ex)}); run not started, {left} file(s) stay in the inbox for the next run";
        logger.LogError("{Message}", message);
        return new RunSummary { Status = ImportRunStatus.Aborted, FilesLeft = left, Message = message, Duration = clock.Elapsed };
    }

    /// <summary>Loads one file; throws <see cref="DatabaseDownException"/> when the database stayed down.</summary>
    private async Task<FileResult> ProcessAsync(InboxFile file, DetectedFile? detected, Run run, CancellationToken ct)
    {
        if (!DropFolder.Unchanged(file))
        {
            logger.LogInformation("{File}: changed or gone since the scan; left for a later run", file.Name);
            return new FileResult(file.Name, "?", "left", "changed since the scan") { Destination = file.Path };
        }
        string sha;
        try
        {
            detected ??= FileKindDetector.Detect(file.Path);
            sha = await FileFingerprint.Sha256Async(file.Path, ct);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            run.Tally.Failed++;
            logger.LogError("{File}: cannot read it ({Error}); left in the inbox", file.Name, ex.Message);
            return new FileResult(file.Name, "?", ImportStatus.Failed, ex.Message) { Destination = file.Path };
        }
        if (detected.Kind == FileKind.Unknown)
        {
            return await QuarantineUnknownAsync(file, sha, detected, run, ct);
        }
        if (!importers.TryGetValue(detected.Kind, out var importer))
        {
            var missing = detected.Kind is FileKind.Reference
                ? "Movebank reference data loads with its tracks file (neaspec tracks import TRACKS --reference THIS)"
                : $"no importer for {detected.LedgerKind}";
            logger.LogWarning("{File}: {Description}; {Missing}, left in the inbox", file.Name, detected.Description, missing);
            return new FileResult(file.Name, detected.LedgerKind, "left", missing) { Destination = file.Path };
        }
        var (outcome, failure) = await ImportAsync(file, detected, importer, run, ct);
        if (outcome is null)
        {
            await StampAsync(sha, run, null, null);
            return new FileResult(file.Name, detected.LedgerKind, ImportStatus.Failed, failure!) { Destination = file.Path };
        }
        return await FileAwayAsync(file, detected, sha, outcome, run);
    }

    /// <summary>The claimed import of one file, database faults retried; no outcome but why when it failed
    /// for another reason (a broken invariant, not bad input: the ledger says failed, the file waits for a fix).</summary>
    private async Task<(ImportOutcome? Outcome, string? Failure)> ImportAsync(InboxFile file, DetectedFile detected, IFileImporter importer,
        Run run, CancellationToken ct)
    {
        run.Tally.Files++;
        try
        {
            return (await pipeline.ExecuteAsync(async t =>
            {
                var outcome = await claimedImport.RunAsync(importer, new ImportRequest(file.Path)
                {
                    ImportedBy = importedBy, StagingDirectory = folder.Staging, ReportDirectory = folder.Reports, RecheckRejected = false,
                }, t);
                if (outcome.Failure is { } failure)
                {
                    // The retries and the database-down verdict go by the fault itself.
                    ExceptionDispatchInfo.Throw(failure);
                }
                return outcome;
            }, ct), null);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            run.Tally.Files--; // rolled back and left in the inbox: not taken
            throw;
        }
        catch (Exception ex) when (DatabaseResilience.IsDatabaseDown(ex))
        {
            run.Tally.Files--;
            throw new DatabaseDownException(detected.LedgerKind, DatabaseResilience.Describe(ex));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The disk, not the file or the code: one line, no stack trace; the file waits in the inbox.
            run.Tally.Failed++;
            logger.LogError("{File}: the {Kind} import failed ({Error}); left in the inbox", file.Name, detected.LedgerKind, ex.Message);
            return (null, ex.Message);
        }
        catch (Exception ex)
        {
            run.Tally.Failed++;
            logger.LogError(ex, "{File}: the {Kind} import failed; left in the inbox", file.Name, detected.LedgerKind);
            return (null, DatabaseResilience.Describe(ex));
        }
    }

    /// <summary>Moves the file (and its error report) to processed/ or quarantine/ as its outcome says,
    /// ties its ledger entries to the run and tells the log, in the worker's words. A file is counted once,
    /// after its move: one that cannot be moved is a failed file (it stays in the inbox, whole; its
    /// rows, if it was loaded, are stored and the next run finds them and only moves it).</summary>
    private async Task<FileResult> FileAwayAsync(InboxFile file, DetectedFile detected, string sha, ImportOutcome outcome, Run run)
    {
        var tally = run.Tally;
        string destination = file.Path;
        var report = outcome.ErrorReportPath;
        var status = outcome.Status;
        var message = outcome.Message + WaysOut(outcome);
        try
        {
            switch (outcome.Status)
            {
                case ImportStatus.Succeeded or ImportStatus.Partial or ImportStatus.Unchanged or ImportStatus.Rejected
                    when !DropFolder.Unchanged(file):
                    // Written to after the scan: the import read a snapshot, and processed/ and quarantine/ hold
                    // only bytes the ledger names. The file stays; a later run takes its new bytes (a count
                    // file's counts are replaced, fixes already stored are skipped: nothing loaded now doubles).
                    message += "; the file was written to while it was imported (its snapshot was read, not what was " +
                        "added): it stays in the inbox and a later run takes its new bytes";
                    logger.LogWarning("{File}: written to while it was imported; left in the inbox for a later run", file.Name);
                    break;
                case ImportStatus.Succeeded or ImportStatus.Partial or ImportStatus.Unchanged:
                    (destination, report) = folder.MoveToProcessed(file.Path, outcome.ErrorReportPath);
                    break;
                case ImportStatus.Rejected:
                    (destination, report) = folder.MoveToQuarantine(file.Path, outcome.ErrorReportPath);
                    break;
                default: // running (another process loads the same bytes now) or changing (still being written)
                    tally.Files--;
                    break;
            }
            Count(tally, outcome);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            tally.Failed++;
            status = ImportStatus.Failed;
            message = $"{message}; but the file could not be moved out of the inbox ({ex.Message}): it stays there whole" +
                (outcome.Loaded ? " and the next run, finding its bytes loaded, only moves it" : "");
            logger.LogError("{File}: {Status}, but could not be moved out of the inbox: {Error}", file.Name, outcome.Status, ex.Message);
        }
        await StampAsync(sha, run, outcome.ImportId, report);
        var level = status is ImportStatus.Rejected or ImportStatus.Failed ? LogLevel.Warning : LogLevel.Information;
        logger.Log(level, "{File} ({Kind}): {Message} -> {Destination}", file.Name, detected.Description, message,
            Path.GetRelativePath(folder.Inbox, destination));
        return new FileResult(file.Name, detected.LedgerKind, status, message) { Destination = destination };
    }

    /// <summary>The run's tally of a file that went where its outcome says.</summary>
    private static void Count(Tally tally, ImportOutcome outcome)
    {
        switch (outcome.Status)
        {
            case ImportStatus.Succeeded or ImportStatus.Partial:
                tally.Loaded++;
                tally.Rows += outcome.RowsAccepted;
                tally.Rejects += outcome.RowsRejected;
                break;
            case ImportStatus.Unchanged:
                tally.Unchanged++;
                break;
            case ImportStatus.Rejected:
                tally.Rejected++;
                tally.Rejects += outcome.RowsRejected;
                break;
        }
    }

    /// <summary>The ways out of a rejection, in the worker's settings.</summary>
    private string WaysOut(ImportOutcome outcome) =>
        (outcome.Remedies.HasFlag(ImportRemedy.AcceptPartial) && !options.AcceptPartial
            ? $" (with {WorkerOptions.Section}:AcceptPartial = true the worker loads the good rows)" : "") +
        (outcome.Remedies.HasFlag(ImportRemedy.ReferenceData)
            ? " (tracks that name tags only load with their reference data: neaspec tracks import TRACKS --reference DEPLOYMENTS.csv)" : "");

    private static DetectedFile? TryDetect(InboxFile file)
    {
        try
        {
            return FileKindDetector.Detect(file.Path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null; // said when the file's turn comes
        }
    }

    private static int LoadOrder(DetectedFile? detected) => detected?.Kind switch
    {
        FileKind.Sites => 0,
        FileKind.Reference => 1,
        FileKind.Counts => 2,
        FileKind.Tracks => 3,
        _ => 4,
    };

    /// <summary>A file no importer recognises goes to quarantine with a one-line error report, and the
    /// ledger keeps it as rejected — once: the same bytes met again (a quarantine move that failed, the
    /// same file dropped again) are not recorded again.</summary>
    private async Task<FileResult> QuarantineUnknownAsync(InboxFile file, string sha, DetectedFile detected, Run run, CancellationToken ct)
    {
        var errors = new[] { new RowError(1, null, null, detected.Description) };
        var message = $"{file.Name}: rejected, not a file the worker knows: {detected.Description}";
        long importId;
        try
        {
            importId = await pipeline.ExecuteAsync(async t => await ledger.FindRejectedAsync(sha, t) is { } before
                ? before.ImportId
                : await ledger.RecordAsync(sha, detected.LedgerKind, file.Name, importedBy,
                    new ImportOutcome { Status = ImportStatus.Rejected, Message = message, Errors = errors, ErrorCount = errors.Length }, t), ct);
        }
        catch (Exception ex) when (DatabaseResilience.IsDatabaseDown(ex) && !ct.IsCancellationRequested)
        {
            throw new DatabaseDownException(detected.LedgerKind, DatabaseResilience.Describe(ex));
        }
        run.Tally.Files++;
        string? report = null;
        try
        {
            report = ErrorReport.Write(file.Name, errors, folder.Reports);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning("{File}: error report not written ({Error}); the ledger keeps the reason", file.Name, ex.Message);
        }
        return await FileAwayAsync(file, detected, sha, new ImportOutcome
        {
            Status = ImportStatus.Rejected, ImportId = importId, Message = message, Errors = errors, ErrorCount = errors.Length, ErrorReportPath = report,
        }, run);
    }

    /// <summary>Ties the ledger entries of this file's attempts in this run to the run, and points the
    /// import's error report at where it was moved. Best effort: a failure is logged, never fatal to the
    /// file already handled.</summary>
    private async Task StampAsync(string sha, Run run, long? importId, string? report)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await pipeline.ExecuteAsync(async t => await ledger.StampRunAsync(sha, run.Id, run.Start, importId, report, t), timeout.Token);
        }
        catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException or TimeoutException || DatabaseResilience.IsDatabaseDown(ex))
        {
            logger.LogWarning("ledger bookkeeping not stored ({Fault})", DatabaseResilience.Describe(ex));
        }
    }

    private RunSummary Summarise(Run run, TimeSpan duration)
    {
        var (tally, abortReason) = (run.Tally, run.AbortReason);
        var scan = folder.Scan();
        var left = scan.Ready.Count + scan.Settling.Count;
        var status = abortReason is not null ? ImportRunStatus.Aborted
            : tally.Rejected + tally.Failed > 0 ? ImportRunStatus.CompletedWithErrors : ImportRunStatus.Succeeded;
        var message = $"{tally.Files} file(s): {tally.Loaded} loaded, {tally.Unchanged} unchanged, {tally.Rejected} rejected, {tally.Failed} failed; " +
                      $"{tally.Rows:N0} rows, {tally.Rejects:N0} rejects; {left} file(s) left in the inbox" +
                      (abortReason is null ? "" : $"; stopped early: {abortReason}");
        return new RunSummary
        {
            RunId = run.Id, Status = status, Files = tally.Files, FilesLoaded = tally.Loaded, FilesUnchanged = tally.Unchanged,
            FilesRejected = tally.Rejected, FilesFailed = tally.Failed, FilesLeft = left, Rows = tally.Rows, Rejects = tally.Rejects,
            Duration = duration, Message = message, Results = tally.Results,
        };
    }

    private async Task FinishRunAsync(RunSummary summary, bool aborted)
    {
        var row = new ImportRun
        {
            Id = summary.RunId!.Value, Host = Environment.MachineName, Status = summary.Status, Files = summary.Files,
            FilesLoaded = summary.FilesLoaded, FilesRejected = summary.FilesRejected, FilesLeft = summary.FilesLeft,
            Rows = summary.Rows, Rejects = summary.Rejects, DurationSeconds = summary.Duration.TotalSeconds, Message = summary.Message,
        };
        try
        {
            // The summary is worth a retry, but not a minute of them when the run stopped for a dead database.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(aborted ? 5 : 60));
            if (aborted)
            {
                await ledger.FinishRunAsync(row, timeout.Token);
            }
            else
            {
                await pipeline.ExecuteAsync(async t => await ledger.FinishRunAsync(row, t), timeout.Token);
            }
        }
        catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException or TimeoutException || DatabaseResilience.IsDatabaseDown(ex))
        {
            logger.LogWarning("run #{Run}: summary not stored ({Fault}); the next run marks it abandoned", summary.RunId, DatabaseResilience.Describe(ex));
        }
    }

    /// <summary>One run's state: its lock (taken again after a database restart), its ledger row, what it did.</summary>
    private sealed class Run
    {
        public RunLock? Lock;
        public long Id;
        public DateTime Start;
        public string? AbortReason;
        public Tally Tally { get; } = new();
    }

    private sealed class Tally
    {
        public int Files;
        public int Loaded;
        public int Unchanged;
        public int Rejected;
        public int Failed;
        public long Rows;
        public long Rejects;
        public List<FileResult> Results { get; } = [];
    }

    private sealed class DatabaseDownException(string kind, string message) : Exception(message)
    {
        public string Kind { get; } = kind;
    }
}
