using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Neaspec.Survey.Ingestion.Ledger;
using Neaspec.Survey.Storage;
using Neaspec.Survey.Storage.Model;
using Neaspec.Survey.Worker.Inbox;
using Npgsql;
using Polly;

namespace Neaspec.Survey.Worker;

/// <summary>One run over the inbox: take the run lock, load every settled file through the importer of
/// its kind (each claims the file in the ledger by SHA-256), move it to processed/ or quarantine/, and
/// keep a summary in <c>import_runs</c>. A database that stays down ends the run; the files not loaded
/// stay in the inbox for the next run.</summary>
public sealed class ImportRunner
{
    // A file arriving during a run is taken by the same run once it has settled; a bound keeps a
    // folder that never stops filling from holding the run forever.
    private const int MaxPasses = 10;

    private readonly SurveyDatabase database;
    private readonly WorkerOptions options;
    private readonly IReadOnlyDictionary<FileKind, FileImport> importers;
    private readonly ILogger logger;
    private readonly ResiliencePipeline pipeline;
    private readonly DropFolder folder;
    private readonly TimeProvider time;
    private readonly string importedBy = $"worker@{Environment.MachineName}";

    public ImportRunner(SurveyDatabase database, WorkerOptions options, IReadOnlyDictionary<FileKind, FileImport>? importers,
        ILogger<ImportRunner> logger, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.database = database;
        this.options = options;
        this.logger = logger;
        this.importers = importers ?? FileImporters.Create(database, options, importedBy);
        pipeline = DatabaseResilience.Create(options.Retry, logger);
        this.time = time ?? TimeProvider.System;
        folder = new DropFolder(options, this.time);
    }

    public async Task<RunSummary> RunAsync(CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        folder.EnsureFolders();
        RunLock? runLock;
        long runId;
        DateTime runStart;
        try
        {
            runLock = await pipeline.ExecuteAsync(
                async ct => await RunLock.TryAcquireAsync(database, TimeSpan.FromSeconds(options.LockWaitSeconds), logger, ct), cancellationToken);
            if (runLock is null)
            {
                return new RunSummary { Status = RunSummary.Skipped, Message = "another worker is running an import; this run was skipped", Duration = clock.Elapsed };
            }
        }
        catch (Exception ex) when (DatabaseResilience.IsDatabaseDown(ex) && !cancellationToken.IsCancellationRequested)
        {
            return NotStarted(ex, clock);
        }

        var tally = new Tally();
        string? abortReason = null;
        try
        {
            try
            {
                (runId, runStart) = await pipeline.ExecuteAsync(async ct => await StartRunAsync(ct), cancellationToken);
            }
            catch (Exception ex) when (DatabaseResilience.IsDatabaseDown(ex) && !cancellationToken.IsCancellationRequested)
            {
                return NotStarted(ex, clock);
            }
            logger.LogInformation("run #{Run} started on {Host}: inbox {Inbox}", runId, Environment.MachineName, folder.Inbox);

            var seen = new HashSet<string>(StringComparer.Ordinal);
            var settlingSaid = new HashSet<string>(StringComparer.Ordinal);
            for (var pass = 0; pass < MaxPasses && abortReason is null; pass++)
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
                    break;
                }
                foreach (var (file, detected) in batch)
                {
                    seen.Add(file.Path);
                    if (cancellationToken.IsCancellationRequested)
                    {
                        abortReason = "the worker is stopping";
                        break;
                    }
                    (runLock, abortReason) = await KeepLockAsync(runLock, cancellationToken);
                    if (abortReason is not null)
                    {
                        break;
                    }
                    FileResult result;
                    try
                    {
                        result = await ProcessAsync(file, detected, runId, runStart, tally, cancellationToken);
                    }
                    catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                    {
                        abortReason = "the worker is stopping";
                        tally.Results.Add(new FileResult(file.Name, "?", "left", "import cancelled; left in the inbox") { Destination = file.Path });
                        break;
                    }
                    catch (DatabaseDownException ex)
                    {
                        abortReason = $"database unavailable ({ex.Message})";
                        tally.Results.Add(new FileResult(file.Name, ex.Kind, "left", $"database unavailable; left in the inbox for the next run") { Destination = file.Path });
                        logger.LogError("{File}: database unavailable after retries ({Fault}); the run stops, files stay in the inbox for the next run", file.Name, ex.Message);
                        break;
                    }
                    catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                    {
                        // The inbox itself misbehaves (permissions, a full disk): this file waits, the others go on.
                        tally.Failed++;
                        logger.LogError("{File}: {Error}; left in the inbox", file.Name, ex.Message);
                        result = new FileResult(file.Name, detected?.LedgerKind ?? "?", ImportStatus.Failed, ex.Message) { Destination = file.Path };
                    }
                    tally.Results.Add(result);
                }
            }
        }
        finally
        {
            if (runLock is not null)
            {
                await runLock.DisposeAsync();
            }
        }

        var summary = Summarise(runId, tally, abortReason, clock.Elapsed);
        await FinishRunAsync(summary, aborted: abortReason is not null);
        var level = summary.Status == ImportRunStatus.Succeeded ? LogLevel.Information : LogLevel.Warning;
        logger.Log(level, "run #{Run} {Status} in {Duration:0.0} s: {Message}", runId, summary.Status, summary.Duration.TotalSeconds, summary.Message);
        return summary;
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
            var again = await pipeline.ExecuteAsync(async t => await RunLock.TryAcquireAsync(database, TimeSpan.Zero, logger, t), ct);
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
    private async Task<FileResult> ProcessAsync(InboxFile file, DetectedFile? detected, long runId, DateTime runStart, Tally tally,
        CancellationToken ct)
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
            tally.Failed++;
            logger.LogError("{File}: cannot read it ({Error}); left in the inbox", file.Name, ex.Message);
            return new FileResult(file.Name, "?", ImportStatus.Failed, ex.Message) { Destination = file.Path };
        }

        if (detected.Kind == FileKind.Unknown)
        {
            return await QuarantineUnknownAsync(file, sha, detected, runId, tally, ct);
        }
        if (!importers.TryGetValue(detected.Kind, out var import))
        {
            var missing = detected.Kind is FileKind.Reference
                ? "Movebank reference data loads with its tracks file (neaspec tracks import TRACKS --reference THIS)"
                : $"no importer for {detected.LedgerKind}";
            logger.LogWarning("{File}: {Description}; {Missing}, left in the inbox", file.Name, detected.Description, missing);
            return new FileResult(file.Name, detected.LedgerKind, "left", missing) { Destination = file.Path };
        }

        FileImportOutcome outcome;
        tally.Files++;
        try
        {
            outcome = await pipeline.ExecuteAsync(async t => await import(file.Path, t), ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            tally.Files--; // rolled back and left in the inbox: not taken
            throw;
        }
        catch (Exception ex) when (DatabaseResilience.IsDatabaseDown(ex))
        {
            tally.Files--;
            throw new DatabaseDownException(detected.LedgerKind, DatabaseResilience.Describe(ex));
        }
        catch (Exception ex)
        {
            // A broken invariant, not bad input: the ledger says failed, the file waits for a fix.
            tally.Failed++;
            logger.LogError(ex, "{File}: the {Kind} import failed; left in the inbox", file.Name, detected.LedgerKind);
            await StampAsync(sha, runId, runStart, null, null);
            return new FileResult(file.Name, detected.LedgerKind, ImportStatus.Failed, DatabaseResilience.Describe(ex)) { Destination = file.Path };
        }

        string? destination = file.Path;
        string? report = outcome.ErrorReportPath;
        try
        {
            switch (outcome.Status)
            {
                case ImportStatus.Succeeded or ImportStatus.Partial:
                    tally.Loaded++;
                    tally.Rows += outcome.Rows;
                    tally.Rejects += outcome.Rejects;
                    (destination, report) = folder.MoveToProcessed(file.Path, outcome.ErrorReportPath);
                    break;
                case ImportStatus.Unchanged:
                    tally.Unchanged++;
                    (destination, report) = folder.MoveToProcessed(file.Path, outcome.ErrorReportPath);
                    break;
                case ImportStatus.Rejected:
                    tally.Rejected++;
                    tally.Rejects += outcome.Rejects;
                    (destination, report) = folder.MoveToQuarantine(file.Path, outcome.ErrorReportPath);
                    break;
                default: // running: another process loads the same bytes right now
                    tally.Files--;
                    break;
            }
        }
        catch (IOException ex)
        {
            logger.LogError("{File}: loaded ({Status}) but could not be moved out of the inbox: {Error}", file.Name, outcome.Status, ex.Message);
        }
        await StampAsync(sha, runId, runStart, outcome.ImportId, report);
        var level = outcome.Status is ImportStatus.Rejected ? LogLevel.Warning : LogLevel.Information;
        logger.Log(level, "{File} ({Kind}): {Message} -> {Destination}", file.Name, detected.Description, outcome.Message,
            Path.GetRelativePath(folder.Inbox, destination));
        return new FileResult(file.Name, detected.LedgerKind, outcome.Status, outcome.Message) { Destination = destination };
    }

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
    /// ledger keeps it as rejected.</summary>
    private async Task<FileResult> QuarantineUnknownAsync(InboxFile file, string sha, DetectedFile detected, long runId, Tally tally,
        CancellationToken ct)
    {
        var errors = new[] { new RowError(1, null, null, detected.Description) };
        var message = $"{file.Name}: rejected, not a file the worker knows: {detected.Description}";
        long importId;
        try
        {
            importId = await pipeline.ExecuteAsync(async t => await new ImportLedger(database).RecordAsync(sha, detected.LedgerKind, file.Name,
                importedBy, new ImportOutcome(ImportStatus.Rejected) { Message = message, Errors = errors }, t), ct);
        }
        catch (Exception ex) when (DatabaseResilience.IsDatabaseDown(ex) && !ct.IsCancellationRequested)
        {
            throw new DatabaseDownException(detected.LedgerKind, DatabaseResilience.Describe(ex));
        }
        tally.Files++;
        tally.Rejected++;
        var (destination, report) = folder.MoveToQuarantine(file.Path, ErrorReport.Write(file.Path, errors));
        await TryAsync(async t =>
        {
            await using var cmd = new NpgsqlCommand("update imports set run_id = $1, error_report_path = $2 where id = $3");
            cmd.Parameters.AddWithValue(runId);
            cmd.Parameters.AddWithValue((object?)report ?? DBNull.Value);
            cmd.Parameters.AddWithValue(importId);
            await ExecuteAsync(cmd, t);
        });
        logger.LogWarning("{Message} -> {Destination}", message, Path.GetRelativePath(folder.Inbox, destination));
        return new FileResult(file.Name, detected.LedgerKind, ImportStatus.Rejected, message) { Destination = destination };
    }

    /// <summary>Ties the ledger rows of this file's attempts in this run to the run, and points the
    /// import's error report at where it was moved.</summary>
    private Task StampAsync(string sha, long runId, DateTime runStart, long? importId, string? report) => TryAsync(async t =>
    {
        await using var cmd = new NpgsqlCommand(
            """
            update imports set run_id = $1,
                error_report_path = case when id = $4 and $5::text is not null then $5::text else error_report_path end
            where sha256 = $2 and run_id is null and started_at >= $3
            """);
        cmd.Parameters.AddWithValue(runId);
        cmd.Parameters.AddWithValue(sha);
        cmd.Parameters.AddWithValue(runStart);
        cmd.Parameters.AddWithValue((object?)importId ?? DBNull.Value);
        cmd.Parameters.AddWithValue((object?)report ?? DBNull.Value);
        await ExecuteAsync(cmd, t);
    });

    private async Task<(long Id, DateTime StartedAt)> StartRunAsync(CancellationToken ct)
    {
        await using var conn = await database.DataSource.OpenConnectionAsync(ct);
        // We hold the run lock: a run still marked running was cut short (killed worker, lost host).
        await using (var abandon = new NpgsqlCommand(
            """
            update import_runs set status = 'abandoned', finished_at = coalesce(finished_at, now()),
                message = coalesce(message || '; ', '') || 'the worker stopped before storing its summary (killed, or the database was unavailable)'
            where status = 'running'
            """, conn))
        {
            await abandon.ExecuteNonQueryAsync(ct);
        }
        await using var insert = new NpgsqlCommand(
            """
            insert into import_runs (started_at, host, status, files, files_loaded, files_rejected, files_left, rows, rejects, duration_seconds)
            values (now(), $1, 'running', 0, 0, 0, 0, 0, 0, 0)
            returning id, started_at
            """, conn);
        insert.Parameters.AddWithValue(Environment.MachineName);
        await using var reader = await insert.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (reader.GetInt64(0), reader.GetDateTime(1));
    }

    private RunSummary Summarise(long runId, Tally tally, string? abortReason, TimeSpan duration)
    {
        var scan = folder.Scan();
        var left = scan.Ready.Count + scan.Settling.Count;
        var status = abortReason is not null ? ImportRunStatus.Aborted
            : tally.Rejected + tally.Failed > 0 ? ImportRunStatus.CompletedWithErrors : ImportRunStatus.Succeeded;
        var message = $"{tally.Files} file(s): {tally.Loaded} loaded, {tally.Unchanged} unchanged, {tally.Rejected} rejected, {tally.Failed} failed; " +
                      $"{tally.Rows:N0} rows, {tally.Rejects:N0} rejects; {left} file(s) left in the inbox" +
                      (abortReason is null ? "" : $"; stopped early: {abortReason}");
        return new RunSummary
        {
            RunId = runId, Status = status, Files = tally.Files, FilesLoaded = tally.Loaded, FilesUnchanged = tally.Unchanged,
            FilesRejected = tally.Rejected, FilesFailed = tally.Failed, FilesLeft = left, Rows = tally.Rows, Rejects = tally.Rejects,
            Duration = duration, Message = message, Results = tally.Results,
        };
    }

    private async Task FinishRunAsync(RunSummary summary, bool aborted)
    {
        async ValueTask Write(CancellationToken t)
        {
            await using var cmd = new NpgsqlCommand(
                """
                update import_runs set finished_at = now(), status = $2, files = $3, files_loaded = $4, files_rejected = $5,
                    files_left = $6, rows = $7, rejects = $8, duration_seconds = $9, message = $10
                where id = $1
                """);
            cmd.Parameters.AddWithValue(summary.RunId!.Value);
            cmd.Parameters.AddWithValue(summary.Status);
            cmd.Parameters.AddWithValue(summary.Files);
            cmd.Parameters.AddWithValue(summary.FilesLoaded);
            cmd.Parameters.AddWithValue(summary.FilesRejected);
            cmd.Parameters.AddWithValue(summary.FilesLeft);
            cmd.Parameters.AddWithValue(summary.Rows);
            cmd.Parameters.AddWithValue(summary.Rejects);
            cmd.Parameters.AddWithValue(summary.Duration.TotalSeconds);
            cmd.Parameters.AddWithValue(summary.Message);
            await ExecuteAsync(cmd, t);
        }
        try
        {
            // The summary is worth a retry, but not a minute of them when the run stopped for a dead database.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(aborted ? 5 : 60));
            if (aborted)
            {
                await Write(timeout.Token);
            }
            else
            {
                await pipeline.ExecuteAsync(Write, timeout.Token);
            }
        }
        catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException or TimeoutException || DatabaseResilience.IsDatabaseDown(ex))
        {
            logger.LogWarning("run #{Run}: summary not stored ({Fault}); the next run marks it abandoned", summary.RunId, DatabaseResilience.Describe(ex));
        }
    }

    /// <summary>Best-effort bookkeeping: a failure is logged, never fatal to the file already handled.</summary>
    private async Task TryAsync(Func<CancellationToken, ValueTask> write)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await pipeline.ExecuteAsync(write, timeout.Token);
        }
        catch (Exception ex) when (ex is NpgsqlException or OperationCanceledException or TimeoutException || DatabaseResilience.IsDatabaseDown(ex))
        {
            logger.LogWarning("ledger bookkeeping not stored ({Fault})", DatabaseResilience.Describe(ex));
        }
    }

    private async Task ExecuteAsync(NpgsqlCommand cmd, CancellationToken ct)
    {
        await using var conn = await database.DataSource.OpenConnectionAsync(ct);
        cmd.Connection = conn;
        await cmd.ExecuteNonQueryAsync(ct);
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
