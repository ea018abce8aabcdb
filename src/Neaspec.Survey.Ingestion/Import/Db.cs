using System.Globalization;
using Npgsql;

namespace Neaspec.Survey.Ingestion.Import;

/// <summary>The one-line commands the loaders run on the claim's connection.</summary>
internal static class Db
{
    public static async Task<int> ExecuteAsync(NpgsqlConnection conn, string sql, CancellationToken ct, params object[] parameters)
    {
        await using var cmd = Command(conn, sql, parameters);
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The first column of the first row as a number (a count, an id).</summary>
    public static async Task<long> LongAsync(NpgsqlConnection conn, string sql, CancellationToken ct, params object[] parameters)
    {
        await using var cmd = Command(conn, sql, parameters);
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), CultureInfo.InvariantCulture);
    }

    private static NpgsqlCommand Command(NpgsqlConnection conn, string sql, object[] parameters)
    {
        var cmd = new NpgsqlCommand(sql, conn);
        foreach (var p in parameters)
        {
            cmd.Parameters.AddWithValue(p);
        }
        return cmd;
    }
}
