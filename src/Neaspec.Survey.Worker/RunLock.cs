using Microsoft.Extensions.Logging;
using Neaspec.Survey.Storage;
using Npgsql;

namespace Neaspec.Survey.Worker;

/// <summary>One import run at a time across machines: a session-level PostgreSQL advisory lock, held on
/// an unpooled connection so the lock goes when the holder's session goes (crash, kill, lost network).
/// Advisory locks are per database, so workers on one database share the rule.</summary>
internal sealed class RunLock : IAsyncDisposable
{
    private const int LockClass = 0x4E45_5752; // "NEWR": neaspec worker run
    private const int LockKey = 1;

    private readonly NpgsqlConnection connection;

    private RunLock(NpgsqlConnection connection) => this.connection = connection;

    /// <summary>Takes the lock, waiting up to <paramref name="wait"/> for another run to end; null when
    /// another worker still holds it (logged with who holds it).</summary>
    public static async Task<RunLock?> TryAcquireAsync(SurveyDatabase database, TimeSpan wait, ILogger logger, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var conn = await database.SessionDataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var deadline = time.GetUtcNow() + wait;
            var said = false;
            while (true)
            {
                await using (var cmd = new NpgsqlCommand("select pg_try_advisory_lock($1, $2)", conn))
                {
                    cmd.Parameters.AddWithValue(LockClass);
                    cmd.Parameters.AddWithValue(LockKey);
                    if (await cmd.ExecuteScalarAsync(cancellationToken) is true)
                    {
                        // Lets the next worker (and an operator in pg_stat_activity) see who runs.
                        await using var name = new NpgsqlCommand($"set application_name = 'neaspec-worker {Environment.MachineName} pid {Environment.ProcessId}'", conn);
                        await name.ExecuteNonQueryAsync(cancellationToken);
                        var held = new RunLock(conn);
                        conn = null;
                        return held;
                    }
                }
                if (!said)
                {
                    var holder = await HolderAsync(conn, cancellationToken);
                    if (wait <= TimeSpan.Zero)
                    {
                        logger.LogWarning("another worker is running an import ({Holder}); this run is skipped", holder);
                        return null;
                    }
                    logger.LogInformation("another worker is running an import ({Holder}); waiting up to {Wait:0} s for it to finish", holder, wait.TotalSeconds);
                    said = true;
                }
                if (time.GetUtcNow() >= deadline)
                {
                    logger.LogWarning("the other worker still runs after {Wait:0} s; this run is skipped", wait.TotalSeconds);
                    return null;
                }
                await Task.Delay(TimeSpan.FromMilliseconds(500), time, cancellationToken);
            }
        }
        finally
        {
            if (conn is not null)
            {
                await conn.DisposeAsync();
            }
        }
    }

    /// <summary>Whether our session (and so the lock) is still alive: a database restart ends it.</summary>
    public async Task<bool> IsHeldAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var cmd = new NpgsqlCommand("select 1", connection);
            await cmd.ExecuteScalarAsync(cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            return false;
        }
    }

    private static async Task<string> HolderAsync(NpgsqlConnection conn, CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand(
            """
            select coalesce(nullif(a.application_name, ''), 'pid ' || a.pid) || coalesce(' from ' || host(a.client_addr), '')
                   || ', since ' || to_char(a.backend_start at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS') || ' UTC'
            from pg_locks l join pg_stat_activity a on a.pid = l.pid
            where l.locktype = 'advisory' and l.granted and l.classid = $1::oid and l.objid = $2::oid
              and l.database = (select oid from pg_database where datname = current_database())
            limit 1
            """, conn);
        cmd.Parameters.AddWithValue((long)LockClass);
        cmd.Parameters.AddWithValue((long)LockKey);
        return await cmd.ExecuteScalarAsync(cancellationToken) as string ?? "holder not visible";
    }

    public async ValueTask DisposeAsync()
    {
        // Closing the unpooled connection ends the session, and the lock with it — even when the
        // database is gone and an explicit unlock would fail.
        await connection.DisposeAsync();
    }
}
