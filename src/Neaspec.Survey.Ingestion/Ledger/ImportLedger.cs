using Neaspec.Survey.Storage;
using Neaspec.Survey.Storage.Model;
using Npgsql;

namespace Neaspec.Survey.Ingestion.Ledger;

/// <summary>The outcome of trying to claim a file in the ledger.</summary>
public abstract record LedgerClaim
{
    /// <summary>The file is ours to load; <see cref="Connection"/> holds the claim's advisory lock until
    /// disposed, so a crashed loader's claim can be recognised as abandoned.</summary>
    public sealed record Claimed(long ImportId, NpgsqlConnection Connection) : LedgerClaim;

    /// <summary>The same bytes were loaded before (import <see cref="ImportId"/>).</summary>
    public sealed record AlreadyImported(long ImportId, DateTime FinishedAt) : LedgerClaim;

    /// <summary>Another live loader is loading the same bytes right now.</summary>
    public sealed record InProgress(long ImportId) : LedgerClaim;
}

/// <summary>The import ledger: one row per attempt to load a file. A file is claimed by its SHA-256
/// before it is loaded (a unique partial index makes the claim atomic across processes and machines),
/// and finished with its status and counts.</summary>
public sealed class ImportLedger(SurveyDatabase database)
{
    // Advisory lock namespace for import claims: (ClaimLockClass, import id).
    private const int ClaimLockClass = 0x4E45_4153; // "NEAS"

    /// <summary>Claims a file. On <see cref="LedgerClaim.Claimed"/> the caller loads the file on the
    /// returned connection and calls <see cref="FinishAsync"/>.</summary>
    public async Task<LedgerClaim> ClaimAsync(string sha256, string kind, string originalName, string? importedBy,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sha256);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            // Unpooled: closing the connection ends the session, and with it the claim's advisory lock.
            var conn = await database.SessionDataSource.OpenConnectionAsync(cancellationToken);
            var keep = false;
            try
            {
                await using (var insert = new NpgsqlCommand(
                    """
                    insert into imports (sha256, kind, original_name, imported_by, started_at, status,
                        rows_read, rows_accepted, rows_rejected, duplicates, flagged)
                    values ($1, $2, $3, $4, now(), 'running', 0, 0, 0, 0, 0)
                    on conflict do nothing
                    returning id
                    """, conn))
                {
                    insert.Parameters.AddWithValue(sha256);
                    insert.Parameters.AddWithValue(kind);
                    insert.Parameters.AddWithValue(Path.GetFileName(originalName));
                    insert.Parameters.AddWithValue((object?)importedBy ?? DBNull.Value);
                    if (await insert.ExecuteScalarAsync(cancellationToken) is long id)
                    {
                        await using var lockCmd = new NpgsqlCommand("select pg_advisory_lock($1, $2::int)", conn);
                        lockCmd.Parameters.AddWithValue(ClaimLockClass);
                        lockCmd.Parameters.AddWithValue((int)id);
                        await lockCmd.ExecuteNonQueryAsync(cancellationToken);
                        keep = true;
                        return new LedgerClaim.Claimed(id, conn);
                    }
                }

                // Someone holds a claim on these bytes: a finished load, or one that is running.
                long existingId;
                string status;
                DateTime? finishedAt;
                await using (var find = new NpgsqlCommand(
                    "select id, status, finished_at from imports where sha256 = $1 and status in ('running', 'succeeded', 'partial')", conn))
                {
                    find.Parameters.AddWithValue(sha256);
                    await using var reader = await find.ExecuteReaderAsync(cancellationToken);
                    if (!await reader.ReadAsync(cancellationToken))
                    {
                        continue; // finished between our insert and select: try again
                    }
                    existingId = reader.GetInt64(0);
                    status = reader.GetString(1);
                    finishedAt = reader.IsDBNull(2) ? null : reader.GetDateTime(2);
                }

                if (status != ImportStatus.Running)
                {
                    return new LedgerClaim.AlreadyImported(existingId, finishedAt ?? DateTime.MinValue);
                }

                // A running claim whose lock we can take belongs to a loader that died: mark it failed.
                await using (var probe = new NpgsqlCommand("select pg_try_advisory_lock($1, $2::int)", conn))
                {
                    probe.Parameters.AddWithValue(ClaimLockClass);
                    probe.Parameters.AddWithValue((int)existingId);
                    if (await probe.ExecuteScalarAsync(cancellationToken) is not true)
                    {
                        return new LedgerClaim.InProgress(existingId);
                    }
                }
                await using (var abandon = new NpgsqlCommand(
                    "update imports set status = 'failed', finished_at = now(), message = 'abandoned: the loader stopped before finishing' where id = $1 and status = 'running'", conn))
                {
                    abandon.Parameters.AddWithValue(existingId);
                    await abandon.ExecuteNonQueryAsync(cancellationToken);
                }
                await using (var unlock = new NpgsqlCommand("select pg_advisory_unlock($1, $2::int)", conn))
                {
                    unlock.Parameters.AddWithValue(ClaimLockClass);
                    unlock.Parameters.AddWithValue((int)existingId);
                    await unlock.ExecuteNonQueryAsync(cancellationToken);
                }
            }
            finally
            {
                // Only a successful claim keeps its connection (and with it the claim's lock).
                if (!keep)
                {
                    await conn.DisposeAsync();
                }
            }
        }
        throw new InvalidOperationException($"could not claim file {sha256} in the ledger after 3 attempts");
    }

    /// <summary>Writes the final status and counts of an import, and its row errors.</summary>
    public async Task FinishAsync(long importId, ImportOutcome outcome, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        await using var conn = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var tx = await conn.BeginTransactionAsync(cancellationToken);
        await FinishInTransactionAsync(conn, importId, outcome, cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    /// <summary>Writes the final status and counts of an import on <paramref name="connection"/>, inside
    /// the transaction the caller has open there (the claim's connection), so that the loaded rows and
    /// the ledger's word about them commit, or roll back, together.</summary>
    public static async Task FinishInTransactionAsync(NpgsqlConnection connection, long importId, ImportOutcome outcome,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(outcome);
        await using (var update = new NpgsqlCommand(
            """
            update imports set status = $2, finished_at = now(), rows_read = $3, rows_accepted = $4,
                rows_rejected = $5, duplicates = $6, flagged = $7, message = $8, error_report_path = $9
            where id = $1
            """, connection))
        {
            update.Parameters.AddWithValue(importId);
            update.Parameters.AddWithValue(outcome.Status);
            update.Parameters.AddWithValue(outcome.RowsRead);
            update.Parameters.AddWithValue(outcome.RowsAccepted);
            update.Parameters.AddWithValue(outcome.RowsRejected);
            update.Parameters.AddWithValue(outcome.Duplicates);
            update.Parameters.AddWithValue(outcome.Flagged);
            update.Parameters.AddWithValue((object?)outcome.Message ?? DBNull.Value);
            update.Parameters.AddWithValue((object?)outcome.ErrorReportPath ?? DBNull.Value);
            await update.ExecuteNonQueryAsync(cancellationToken);
        }
        await WriteErrorsAsync(connection, importId, outcome.Errors, cancellationToken);
    }

    private static async Task WriteErrorsAsync(NpgsqlConnection conn, long importId, IReadOnlyList<RowError> errors,
        CancellationToken cancellationToken)
    {
        if (errors.Count > 0)
        {
            await using var writer = await conn.BeginBinaryImportAsync(
                "copy import_errors (import_id, line, \"column\", value, reason) from stdin (format binary)", cancellationToken);
            foreach (var error in errors)
            {
                await writer.StartRowAsync(cancellationToken);
                await writer.WriteAsync(importId, cancellationToken);
                await writer.WriteAsync(error.Line, cancellationToken);
                await writer.WriteAsync((object?)error.Column ?? DBNull.Value, cancellationToken);
                await writer.WriteAsync((object?)error.Value ?? DBNull.Value, cancellationToken);
                await writer.WriteAsync(error.Reason, cancellationToken);
            }
            await writer.CompleteAsync(cancellationToken);
        }
    }

    /// <summary>Marks a claimed import failed after its load threw. Never throws itself: when the database
    /// is what failed, the entry stays 'running' and the next claim of the file finds it abandoned (its
    /// lock went with the session), so the caller's original exception is the one that surfaces.</summary>
    public Task TryMarkFailedAsync(long importId, Exception failure)
    {
        ArgumentNullException.ThrowIfNull(failure);
        return TryFinishAsync(importId, new ImportOutcome(ImportStatus.Failed) { Message = $"failed: {failure.Message}" });
    }

    /// <summary>As <see cref="FinishAsync"/>, for the failure path: a database that is down leaves the entry
    /// 'running' for the abandoned-claim check instead of throwing over the caller's own error.</summary>
    public async Task TryFinishAsync(long importId, ImportOutcome outcome)
    {
        try
        {
            await FinishAsync(importId, outcome, CancellationToken.None);
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException or TimeoutException)
        {
            // See the summary: the abandoned-claim check covers this entry.
        }
    }

    /// <summary>Records a finished attempt that never claimed the file (unreadable, rejected before
    /// loading, or already imported). Its status must not be a claiming one.</summary>
    public async Task<long> RecordAsync(string sha256, string kind, string originalName, string? importedBy,
        ImportOutcome outcome, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.Status is ImportStatus.Running or ImportStatus.Succeeded or ImportStatus.Partial)
        {
            throw new ArgumentException($"status {outcome.Status} needs a claim", nameof(outcome));
        }
        await using var conn = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var tx = await conn.BeginTransactionAsync(cancellationToken);
        // The row starts with its final (non-claiming) status, so it never meets the claim index; the
        // counts, message and errors are written as for a claimed import.
        await using var insert = new NpgsqlCommand(
            """
            insert into imports (sha256, kind, original_name, imported_by, started_at, status,
                rows_read, rows_accepted, rows_rejected, duplicates, flagged)
            values ($1, $2, $3, $4, now(), $5, 0, 0, 0, 0, 0)
            returning id
            """, conn, tx);
        insert.Parameters.AddWithValue(sha256);
        insert.Parameters.AddWithValue(kind);
        insert.Parameters.AddWithValue(Path.GetFileName(originalName));
        insert.Parameters.AddWithValue((object?)importedBy ?? DBNull.Value);
        insert.Parameters.AddWithValue(outcome.Status);
        var id = (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
        await FinishInTransactionAsync(conn, id, outcome, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return id;
    }
}

/// <summary>The final state of an import as the ledger keeps it.</summary>
public sealed record ImportOutcome(string Status)
{
    public long RowsRead { get; init; }
    public long RowsAccepted { get; init; }
    public long RowsRejected { get; init; }
    public long Duplicates { get; init; }
    public long Flagged { get; init; }
    public string? Message { get; init; }
    public string? ErrorReportPath { get; init; }
    public IReadOnlyList<RowError> Errors { get; init; } = [];
}
