using System.Runtime.CompilerServices;
using Neaspec.Survey.Ingestion.Import;
using Neaspec.Survey.Ingestion.Tracks.Validate;
using Npgsql;

namespace Neaspec.Survey.Ingestion.Tracks.Load;

/// <summary>The way for any file: binary COPY into an unlogged temporary table, the file's individuals and
/// tags resolved set-based into ids, then one <c>INSERT ... SELECT ... ON CONFLICT DO NOTHING</c> in
/// (individual, time) order whose unique indexes find the duplicates (<see cref="TrackSql.Merge"/>; months
/// without a partition get an empty one first), and the speed filter over the new fixes and their stored
/// neighbours.</summary>
internal sealed class StagedMergeRoute(NpgsqlConnection conn, long importId, double speedLimitKmh, string? whyNotDirect) : ITrackRoute
{
    public string Name => whyNotDirect is null ? "staged merge" : $"staged merge ({whyNotDirect})";

    public async Task<TrackRowCounts> StageAsync(TrackInput input, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        await Db.ExecuteAsync(conn, TrackSql.Staging, ct);
        TrackRowCounts? counts = null;
        await using (var raw = await conn.BeginRawBinaryCopyAsync(TrackSql.CopyStage, ct))
        {
            var copy = new PgBinaryCopyWriter(raw);
            await CopyStreams.WriteOrCancelAsync(raw, () =>
            {
                counts = input.ReadAll((ref TrackRow row) => Write(copy, ref row), progress, ct);
                copy.Complete();
            });
        }
        return counts!;
    }

    public async Task<StoredFixes> MergeAsync(TrackInput input, TrackRowCounts counts, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        await WriteKeysAsync(input.Keys, ct);
        await Db.ExecuteAsync(conn, TrackSql.ResolveKeys, ct);
        await Db.LongAsync(conn, TrackSql.EnsureStagedMonths, ct);
        var individualIds = await IndividualIdsAsync(ct);
        var stored = await Db.LongAsync(conn, TrackSql.Merge, ct, importId);
        await TrackFlags.RunSpeedFilterAsync(conn, individualIds, speedLimitKmh, importId, ct);
        var (flagged, speedFlagged) = await TrackFlags.CountAsync(conn, importId, ct);
        return new StoredFixes(individualIds, stored, flagged, speedFlagged);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Write(PgBinaryCopyWriter copy, ref TrackRow row)
    {
        copy.StartRow(16);
        copy.Int32((int)row.Line);
        copy.Int32(row.Individual);
        if (row.Tag >= 0) copy.Int32(row.Tag); else copy.Null();
        if (row.EventId is { } e) copy.Int64(e); else copy.Null();
        copy.TimestampTz(row.ObservedAt);
        copy.Float8(row.Longitude);
        copy.Float8(row.Latitude);
        copy.Bool(row.Visible);
        copy.Bool(row.MarkedOutlier);
        TrackMeasures.Write(copy, ref row);
    }

    /// <summary>The file's studies, individuals and tags (by their numbers in the file) into staging.</summary>
    private async Task WriteKeysAsync(TrackKeys keys, CancellationToken ct)
    {
        await using (var copy = await conn.BeginBinaryImportAsync(TrackSql.CopyStageIndividuals, ct))
        {
            for (var i = 0; i < keys.Individuals.Count; i++)
            {
                var (study, individual, taxon) = keys.Individuals[i];
                await copy.WriteRowAsync(ct, i, study, individual, (object?)taxon ?? DBNull.Value);
            }
            await copy.CompleteAsync(ct);
        }
        await using (var copy = await conn.BeginBinaryImportAsync(TrackSql.CopyStageTags, ct))
        {
            for (var i = 0; i < keys.Tags.Count; i++)
            {
                await copy.WriteRowAsync(ct, i, keys.Tags[i].Study, keys.Tags[i].Tag);
            }
            await copy.CompleteAsync(ct);
        }
    }

    private async Task<int[]> IndividualIdsAsync(CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(TrackSql.MappedIndividuals, conn);
        var ids = new List<int>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            ids.Add(r.GetInt32(0));
        }
        return [.. ids];
    }
}
