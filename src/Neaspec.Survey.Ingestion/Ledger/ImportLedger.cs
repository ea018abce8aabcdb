using Neaspec.Survey.Ingestion.Import;
using Neaspec.Survey.Storage;
using Neaspec.Survey.Storage.Model;
using Npgsql;

namespace Neaspec.Survey.Ingestion.Ledger;

/// <summary>The import ledger: one row per attempt to load a file (<c>imports</c>, with its row errors in
/// <c>import_errors</c>), and one per run of the worker (<c>import_runs</c>). A file is claimed by its
/// SHA-256 before it is loaded (a unique partial index makes the claim atomic across processes and
/// machines), and finished with its status and counts. All SQL on these tables is here.</summary>
public sealed partial class ImportLedger(SurveyDatabase database)
{
    // Advisory lock namespace for import claims: (ClaimLockClass, import id).
    private const int ClaimLockClass = 0x4E45_4153; // "NEAS"

    private const string InsertSql =
        """
        insert into imports (sha256, kind, original_name, imported_by, started_at, status,
            rows_read, rows_accepted, rows_rejected, duplicates, flagged)
        values ($1, $2, $3, $4, now(), $5, 0, 0, 0, 0, 0)
        """;

    /// <summary>Claims a file. On <see cref="LedgerClaim.Claimed"/> the caller loads the file on the
    /// returned connection and finishes the entry (<see cref="FinishInTransactionAsync"/>).</summary>
    public async Task<LedgerClaim> ClaimAsync(string sha256, string kind, string originalName, string? importedBy,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(sha256);
        for (var attempt = 0; attempt < 3; attempt++)
        {
            // Unpooled: closing the connection ends the session, and with it the claim's advisory lock.
            var conn = await database.SessionDataSource.OpenConnectionAsync(cancellationToken);
            LedgerClaim? claim = null;
            try
            {
                claim = await TryClaimAsync(conn, sha256, kind, originalName, importedBy, cancellationToken);
                if (claim is not null)
                {
                    return claim;
                }
            }
            finally
            {
                // Only a successful claim keeps its connection (and with it the claim's lock).
                if (claim is not LedgerClaim.Claimed)
                {
                    await conn.DisposeAsync();
                }
            }
        }
        throw new InvalidOperationException($"could not claim file {sha256} in the ledger after 3 attempts");
    }

    /// <summary>One attempt: a new running entry, or the entry that holds the bytes; null when that entry
    /// changed under us (finished, or found abandoned) and the claim should be tried again.</summary>
    private static async Task<LedgerClaim?> TryClaimAsync(NpgsqlConnection conn, string sha256, string kind, string originalName,
        string? importedBy, CancellationToken ct)
    {
        // The lock is taken in the statement that inserts the entry, before it commits: were it taken by a second
        // statement, another claimer could see the running entry in between, take its lock, judge the loader dead
        // and mark the entry failed while it loads (40 identical uploads at once hit that window).
        await using (var insert = new NpgsqlCommand(
            $"with claimed as ({InsertSql} on conflict do nothing returning id) select id, pg_advisory_lock({ClaimLockClass}, id::int) from claimed", conn))
        {
            AddEntryParameters(insert, sha256, kind, originalName, importedBy, ImportStatus.Running);
            if (await insert.ExecuteScalarAsync(ct) is long id)
            {
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
            await using var reader = await find.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct))
            {
                return null; // finished between our insert and select: try again
            }
            (existingId, status, finishedAt) = (reader.GetInt64(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetDateTime(2));
        }
        if (status != ImportStatus.Running)
        {
            return new LedgerClaim.AlreadyImported(existingId, finishedAt ?? DateTime.MinValue);
        }

        // A running claim whose lock we can take belongs to a loader that died: mark it failed.
        if (await AdvisoryAsync(conn, "pg_try_advisory_lock", existingId, ct) is not true)
        {
            return new LedgerClaim.InProgress(existingId);
        }
        await using (var abandon = new NpgsqlCommand(
            "update imports set status = 'failed', finished_at = now(), message = 'abandoned: the loader stopped before finishing' where id = $1 and status = 'running'", conn))
        {
            abandon.Parameters.AddWithValue(existingId);
            await abandon.ExecuteNonQueryAsync(ct);
        }
        await AdvisoryAsync(conn, "pg_advisory_unlock", existingId, ct);
        return null;
    }

    private static async Task<object?> AdvisoryAsync(NpgsqlConnection conn, string function, long importId, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"select {function}($1, $2::int)", conn);
        cmd.Parameters.AddWithValue(ClaimLockClass);
        cmd.Parameters.AddWithValue((int)importId);
        return await cmd.ExecuteScalarAsync(ct);
    }

    private static object Nullable(string? value) => (object?)Storable(value) ?? DBNull.Value;

    /// <summary>Text as PostgreSQL stores it: a NUL quoted from a bad file (which <c>text</c> cannot hold,
    /// SQLSTATE 22021) shown as <c>\0</c>, so the ledger's word about a bad file is never itself refused.</summary>
    private static string? Storable(string? value) =>
        value is null || !value.Contains('\0', StringComparison.Ordinal) ? value : value.Replace("\0", "\\0", StringComparison.Ordinal);

    private static void AddEntryParameters(NpgsqlCommand cmd, string sha256, string kind, string originalName, string? importedBy, string status)
    {
        cmd.Parameters.AddWithValue(sha256);
        cmd.Parameters.AddWithValue(kind);
        cmd.Parameters.AddWithValue(Path.GetFileName(originalName));
        cmd.Parameters.AddWithValue((object?)importedBy ?? DBNull.Value);
        cmd.Parameters.AddWithValue(status);
    }

    /// <summary>Writes the final status and counts of an import, and its row errors, in a transaction of
    /// its own on a fresh connection.</summary>
    public async Task FinishAsync(long importId, ImportOutcome outcome, CancellationToken cancellationToken = default)
    {
        await using var conn = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await FinishAsync(conn, importId, outcome, cancellationToken);
    }

    /// <summary>As <see cref="FinishAsync(long, ImportOutcome, CancellationToken)"/>, on
    /// <paramref name="connection"/> (which has no transaction open): a rejected load's word after its
    /// rollback, on the claim's own connection.</summary>
    public static async Task FinishAsync(NpgsqlConnection connection, long importId, ImportOutcome outcome,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        await FinishInTransactionAsync(connection, importId, outcome, cancellationToken);
        await tx.CommitAsync(cancellationToken);
    }

    /// <summary>Writes the final status and counts of an import on <paramref name="connection"/>, inside
    /// the transaction the caller has open there (the load's, on the claim's connection), so that the
    /// loaded rows and the ledger's word about them commit, or roll back, together.</summary>
    public static async Task FinishInTransactionAsync(NpgsqlConnection connection, long importId, ImportOutcome outcome,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(outcome);
        await Db.ExecuteAsync(connection,
            """
            update imports set status = $2, finished_at = now(), rows_read = $3, rows_accepted = $4,
                rows_rejected = $5, duplicates = $6, flagged = $7, message = $8, error_report_path = $9
            where id = $1
            """, cancellationToken, importId, outcome.Status, outcome.RowsRead, outcome.RowsAccepted, outcome.RowsRejected,
            outcome.Duplicates, outcome.Flagged, Nullable(outcome.Message), Nullable(outcome.ErrorReportPath));
        await WriteErrorsAsync(connection, importId, outcome.Errors, cancellationToken);
    }

    private static async Task WriteErrorsAsync(NpgsqlConnection conn, long importId, IReadOnlyList<RowError> errors,
        CancellationToken cancellationToken)
    {
        if (errors.Count == 0)
        {
            return;
        }
        await using var writer = await conn.BeginBinaryImportAsync(
            "copy import_errors (import_id, line, \"column\", value, reason) from stdin (format binary)", cancellationToken);
        foreach (var error in errors)
        {
            await writer.StartRowAsync(cancellationToken);
            await writer.WriteAsync(importId, cancellationToken);
            await writer.WriteAsync(error.Line, cancellationToken);
            await writer.WriteAsync((object?)Storable(error.Column) ?? DBNull.Value, cancellationToken);
            await writer.WriteAsync((object?)Storable(error.Value) ?? DBNull.Value, cancellationToken);
            await writer.WriteAsync(Storable(error.Reason)!, cancellationToken);
        }
        await writer.CompleteAsync(cancellationToken);
    }

    /// <summary>As <see cref="FinishAsync(long, ImportOutcome, CancellationToken)"/>, for the failure path:
    /// never throws. When the database is what failed, the entry stays 'running' and the next claim of the
    /// file finds it abandoned (its lock went with the session), so the caller's own error is the one that
    /// surfaces.</summary>
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

    /// <summary>Records a finished attempt that never claimed the file (a file no importer takes). Its status
    /// must not be a claiming one.</summary>
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
        await using var insert = new NpgsqlCommand(InsertSql + " returning id", conn, tx);
        AddEntryParameters(insert, sha256, kind, originalName, importedBy, outcome.Status);
        var id = (long)(await insert.ExecuteScalarAsync(cancellationToken))!;
        await FinishInTransactionAsync(conn, id, outcome, cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return id;
    }
}
