using Neaspec.Survey.Ingestion.Import;
using Neaspec.Survey.Storage.Model;
using Npgsql;

namespace Neaspec.Survey.Ingestion.Ledger;

/// <summary>The worker's runs (<c>import_runs</c>) and the ties between a run and the imports it made.</summary>
public sealed partial class ImportLedger
{
    /// <summary>Starts a run of the worker on <paramref name="host"/>. The caller holds the run lock, so a
    /// run still marked running was cut short (killed worker, lost host): it is marked abandoned first.</summary>
    public async Task<(long Id, DateTime StartedAt)> StartRunAsync(string host, CancellationToken cancellationToken = default)
    {
        await using var conn = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using (var abandon = new NpgsqlCommand(
            """
            update import_runs set status = 'abandoned', finished_at = coalesce(finished_at, now()),
                message = coalesce(message || '; ', '') || 'the worker stopped before storing its summary (killed, or the database was unavailable)'
            where status = 'running'
            """, conn))
        {
            await abandon.ExecuteNonQueryAsync(cancellationToken);
        }
        await using var insert = new NpgsqlCommand(
            """
            insert into import_runs (started_at, host, status, files, files_loaded, files_rejected, files_left, rows, rejects, duration_seconds)
            values (now(), $1, 'running', 0, 0, 0, 0, 0, 0, 0)
            returning id, started_at
            """, conn);
        insert.Parameters.AddWithValue(host);
        await using var reader = await insert.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetDateTime(1));
    }

    /// <summary>Stores a run's summary (<see cref="ImportRun.Id"/> names the run).</summary>
    public async Task FinishRunAsync(ImportRun run, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(run);
        await using var conn = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await Db.ExecuteAsync(conn,
            """
            update import_runs set finished_at = now(), status = $2, files = $3, files_loaded = $4, files_rejected = $5,
                files_left = $6, rows = $7, rejects = $8, duration_seconds = $9, message = $10
            where id = $1
            """, cancellationToken, run.Id, run.Status, run.Files, run.FilesLoaded, run.FilesRejected, run.FilesLeft, run.Rows,
            run.Rejects, run.DurationSeconds, Nullable(run.Message));
    }

    /// <summary>Ties the entries of this file's attempts in run <paramref name="runId"/> (the bytes
    /// <paramref name="sha256"/>, started since <paramref name="runStart"/>) to the run, and points entry
    /// <paramref name="importId"/>'s error report at <paramref name="reportPath"/>, where it was moved.</summary>
    public async Task StampRunAsync(string sha256, long runId, DateTime runStart, long? importId, string? reportPath,
        CancellationToken cancellationToken = default)
    {
        await using var conn = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await Db.ExecuteAsync(conn,
            """
            update imports set run_id = $1,
                error_report_path = case when id = $4 and $5::text is not null then $5::text else error_report_path end
            where sha256 = $2 and run_id is null and started_at >= $3
            """, cancellationToken, runId, sha256, runStart, (object?)importId ?? DBNull.Value, Nullable(reportPath));
    }
}
