using Neaspec.Survey.Ingestion.Import;
using Neaspec.Survey.Ingestion.Tracks.Validate;
using Npgsql;

namespace Neaspec.Survey.Ingestion.Tracks.Load;

/// <summary>The fast way in, when nothing stored can conflict with the file (see <see cref="DirectCopyWriter"/>):
/// rows are COPYed straight into <c>fixes</c> with their speed flags, then the new individuals and tags are
/// inserted under the ids the COPY used. It gives up at the first row that would conflict
/// (<see cref="DirectCopyWriter.Abandoned"/>); duplicates inside the file make a unique index fail the COPY.</summary>
internal sealed class DirectCopyRoute(NpgsqlConnection conn, DirectCopyWriter writer, long importId, double speedLimitKmh) : ITrackRoute
{
    public string Name => "direct copy";

    /// <summary>Reads what the study has stored and reserves ids for the file's new individuals and tags.</summary>
    public static async Task<DirectCopyRoute> PrepareAsync(NpgsqlConnection conn, TrackStudy study, long importId, double speedLimitKmh,
        TrackKeys keys, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(study);
        var writer = await DirectCopyWriter.PrepareAsync(conn, study.Id, study.Name, importId, speedLimitKmh, keys, study.HasFixes, ct);
        return new DirectCopyRoute(conn, writer, importId, speedLimitKmh);
    }

    public async Task<TrackRowCounts> StageAsync(TrackInput input, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        TrackRowCounts? counts = null;
        await using (var raw = await conn.BeginRawBinaryCopyAsync(TrackSql.CopyFixes, ct))
        {
            var copy = new PgBinaryCopyWriter(raw);
            writer.Copy = copy;
            await CopyStreams.WriteOrCancelAsync(raw, () =>
            {
                counts = input.ReadAll(writer.Write, progress, ct);
                writer.Finish();
                copy.Complete();
            });
        }
        return counts!;
    }

    public async Task<StoredFixes> MergeAsync(TrackInput input, TrackRowCounts counts, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(counts);
        var individualIds = await writer.WriteKeysAsync(ct);
        if (!writer.TracksInOrder)
        {
            // The file was not in (individual, time) order: the speeds are judged in the database.
            await TrackFlags.RunSpeedFilterAsync(conn, individualIds, speedLimitKmh, importId, ct);
            var (flagged, speedFlagged) = await TrackFlags.CountAsync(conn, importId, ct);
            return new StoredFixes(individualIds, counts.Fixes, flagged, speedFlagged);
        }
        if (writer.StoredFlagChanges.Count > 0)
        {
            await Db.ExecuteAsync(conn, TrackSql.UpdateStoredFlags, ct,
                writer.StoredFlagChanges.Select(c => c.Id).ToArray(), writer.StoredFlagChanges.Select(c => c.Flag).ToArray());
        }
        // Every fix of this import went through the writer and no later step changed a flag.
        return new StoredFixes(individualIds, counts.Fixes, writer.Flagged, writer.SpeedFlagged);
    }
}
