using Neaspec.Survey.Ingestion.Import;
using Neaspec.Survey.Ingestion.Tracks.Validate;
using Npgsql;

namespace Neaspec.Survey.Ingestion.Tracks.Load;

/// <summary>The fast way in, when nothing stored can conflict with the file (see <see cref="DirectCopyWriter"/>):
/// rows are COPYed straight into <c>fixes</c> with their speed flags — the rows of months without a partition
/// into new months' tables that are indexed and attached after the COPY (<see cref="NewMonths"/>) — then the new
/// individuals and tags are inserted under the ids the COPY used. It gives up at the first row that would
/// conflict (<see cref="DirectCopyWriter.Abandoned"/>); duplicates inside the file make a unique index fail the
/// COPY or a new month's index build.</summary>
internal sealed class DirectCopyRoute(NpgsqlConnection conn, DirectCopyWriter writer, NewMonths? newMonths, long importId,
    double speedLimitKmh) : ITrackRoute, IDisposable
{
    public string Name => newMonths is null ? "direct copy" : $"direct copy ({newMonths.Count} new month{(newMonths.Count == 1 ? "" : "s")})";

    /// <summary>Reads what the study has stored, reserves ids for the file's new individuals and tags, and makes
    /// the tables of the months of <paramref name="fileMonths"/> that have no partition.</summary>
    public static async Task<DirectCopyRoute> PrepareAsync(NpgsqlConnection conn, TrackStudy study, long importId, double speedLimitKmh,
        TrackKeys keys, DateOnly[] fileMonths, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(study);
        var writer = await DirectCopyWriter.PrepareAsync(conn, study.Id, study.Name, importId, speedLimitKmh, keys, study.HasFixes, ct);
        var months = await NewMonths.PrepareAsync(conn, importId, fileMonths, ct);
        return new DirectCopyRoute(conn, writer, months, importId, speedLimitKmh);
    }

    public async Task<TrackRowCounts> StageAsync(TrackInput input, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(input);
        TrackRowCounts? counts = null;
        await using (var raw = await conn.BeginRawBinaryCopyAsync(TrackSql.CopyFixes(newMonths?.Target ?? "fixes"), ct))
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

    /// <summary>The new months indexed and attached (part of staging: a duplicate inside the file fails here).</summary>
    public Task IndexNewMonthsAsync(CancellationToken ct) => newMonths?.FinishAsync(conn, ct) ?? Task.CompletedTask;

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
            var changes = writer.StoredFlagChanges;
            await Db.ExecuteAsync(conn, TrackSql.UpdateStoredFlags, ct,
                changes.Select(c => c.Id).ToArray(), changes.Select(c => c.At).ToArray(), changes.Select(c => c.Flag).ToArray());
        }
        // Every fix of this import went through the writer and no later step changed a flag.
        var spans = await writer.PiecesAsync(writer.Spans(), ct);
        return new StoredFixes(individualIds, counts.Fixes, writer.Flagged, writer.SpeedFlagged, spans);
    }

    public void Dispose() => writer.Dispose();
}
