using Npgsql;

namespace Neaspec.Survey.Ingestion.Ledger;

/// <summary>What a caller asks of the ledger before it claims: was this file refused before, and waiting for
/// another loader of the same bytes to finish.</summary>
public sealed partial class ImportLedger
{
    /// <summary>The last entry that rejected these bytes (any kind), or null. The worker asks it so that a
    /// file it refused once is not validated again on every run while it waits in the inbox.</summary>
    public async Task<RejectedBefore?> FindRejectedAsync(string sha256, CancellationToken cancellationToken = default)
    {
        await using var conn = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var find = new NpgsqlCommand(
            "select id, finished_at, message from imports where sha256 = $1 and status = 'rejected' order by id desc limit 1", conn);
        find.Parameters.AddWithValue(sha256);
        await using var reader = await find.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken)
            ? new RejectedBefore(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetDateTime(1), reader.IsDBNull(2) ? "" : reader.GetString(2))
            : null;
    }

    /// <summary>Waits until the loader holding claim <paramref name="importId"/> has finished (its session
    /// releases the claim's advisory lock when it does, or when it dies), without polling.</summary>
    public async Task WaitForAsync(long importId, CancellationToken cancellationToken = default)
    {
        await using var conn = await database.SessionDataSource.OpenConnectionAsync(cancellationToken);
        await AdvisoryAsync(conn, "pg_advisory_lock", importId, cancellationToken);
        await AdvisoryAsync(conn, "pg_advisory_unlock", importId, cancellationToken);
    }
}
