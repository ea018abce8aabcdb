using Neaspec.Survey.Ingestion.Import;
using Npgsql;

namespace Neaspec.Survey.Ingestion.Counts.Load;

/// <summary>Merge: one set-based upsert of the file's surveys, then the counts of those surveys for the
/// file's species replaced by the file's (see <see cref="CountSql"/>).</summary>
internal static class CountMerge
{
    public static async Task<(long Surveys, long Replaced, long Inserted)> RunAsync(NpgsqlConnection conn, long importId,
        IReadOnlyCollection<string> species, StageClock clock, CancellationToken ct)
    {
        await ExecuteAsync(conn, CountSql.UpsertSurveys(importId), ct);
        await ExecuteAsync(conn, CountSql.AnalyzeVisitSurveys, ct);
        await using var count = new NpgsqlCommand(CountSql.CountVisitSurveys, conn);
        var surveys = (long)(await count.ExecuteScalarAsync(ct))!;
        clock.Lap("upsert surveys");

        await using var delete = new NpgsqlCommand(CountSql.DeleteReplacedCounts, conn);
        delete.Parameters.AddWithValue(species.ToArray());
        var replaced = await delete.ExecuteNonQueryAsync(ct);
        clock.Lap("delete replaced counts");

        await using var insert = new NpgsqlCommand(CountSql.InsertCounts, conn);
        insert.Parameters.AddWithValue(importId);
        var inserted = await insert.ExecuteNonQueryAsync(ct);
        clock.Lap("insert counts");
        return (surveys, replaced, inserted);
    }

    private static async Task ExecuteAsync(NpgsqlConnection conn, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
