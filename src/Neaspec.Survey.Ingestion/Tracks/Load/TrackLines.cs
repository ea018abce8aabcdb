using Npgsql;
using NpgsqlTypes;

namespace Neaspec.Survey.Ingestion.Tracks.Load;

/// <summary>Lines: the stored track lines (<c>track_days</c>, <c>track_seasons</c>) of what the load changed,
/// rebuilt in its transaction by the database's <c>refresh_track_lines</c> (migration TracksAtScale): per
/// individual the days from its first to its last changed fix and every season window they touch; all the lines
/// of an individual whose taxon or catalogue species the load gave or changed.</summary>
internal static class TrackLines
{
    public static async Task RefreshAsync(NpgsqlConnection conn, long importId, StoredFixes stored, int[] speciesSet, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var spans = stored.Spans ?? await ImportSpansAsync(conn, importId, ct);
        var whole = new HashSet<int>(speciesSet);
        await using (var cmd = new NpgsqlCommand(TrackSql.OutdatedLines, conn) { Parameters = { new() { Value = stored.IndividualIds } } })
        await using (var r = await cmd.ExecuteReaderAsync(ct))
        {
            while (await r.ReadAsync(ct))
            {
                whole.Add(r.GetInt32(0));
            }
        }
        var ids = new List<int>();
        var (from, to) = (new List<DateTime>(), new List<DateTime>());
        var (piecesFrom, piecesTo) = (new List<DateOnly?>(), new List<DateOnly?>());
        for (var i = 0; i < spans.Individuals.Length; i++)
        {
            var all = whole.Remove(spans.Individuals[i]);
            ids.Add(spans.Individuals[i]);
            from.Add(all ? DateTime.MinValue : spans.From[i]); // -infinity: from its first fix
            to.Add(all ? DateTime.MaxValue : spans.To[i]);
            piecesFrom.Add(spans.PiecesFrom?[i]);
            piecesTo.Add(spans.PiecesTo?[i]);
        }
        foreach (var id in whole)
        {
            ids.Add(id);
            from.Add(DateTime.MinValue);
            to.Add(DateTime.MaxValue);
            piecesFrom.Add(null);
            piecesTo.Add(null);
        }
        if (ids.Count == 0)
        {
            return;
        }
        await using var refresh = new NpgsqlCommand(TrackSql.RefreshLines, conn)
        {
            Parameters =
            {
                new() { Value = ids.ToArray() },
                new() { Value = from.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz },
                new() { Value = to.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.TimestampTz },
                new() { Value = piecesFrom.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Date },
                new() { Value = piecesTo.ToArray(), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Date },
            },
        };
        await refresh.ExecuteNonQueryAsync(ct);
    }

    private static async Task<LineSpans> ImportSpansAsync(NpgsqlConnection conn, long importId, CancellationToken ct)
    {
        var (ids, from, to) = (new List<int>(), new List<DateTime>(), new List<DateTime>());
        await using var cmd = new NpgsqlCommand(TrackSql.ImportSpans, conn) { Parameters = { new() { Value = importId } } };
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            ids.Add(r.GetInt32(0));
            from.Add(r.GetDateTime(1));
            to.Add(r.GetDateTime(2));
        }
        return new LineSpans([.. ids], [.. from], [.. to]);
    }
}
