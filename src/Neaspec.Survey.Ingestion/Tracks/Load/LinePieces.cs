using Npgsql;

namespace Neaspec.Survey.Ingestion.Tracks.Load;

/// <summary>
/// The track lines' raw material, made while the direct route writes the fixes: for each individual and UTC day,
/// its good fixes (no flag) in time order as one MultiPoint, with their count and first and last time — what
/// <c>refresh_track_lines</c> would otherwise read back and group from a million fixes (the costliest part of
/// the lines: docs/tracks.md). The writer sees every fix of a file in (individual, time) order with its final
/// flags, so a day it wrote whole is complete; days that also hold stored fixes (the start of an append) are
/// left to the database. Pieces go to a temporary file in COPY format, never to memory beyond one day.
/// </summary>
internal sealed class LinePieces : IDisposable
{
    private readonly FileStream file;
    private readonly PgBinaryCopyWriter copy;
    private readonly List<double> xy = [];
    private int individual = -1;
    private DateOnly day;
    private int fixes;
    private DateTime first;
    private DateTime last;

    public LinePieces()
    {
        var path = Path.Combine(Path.GetTempPath(), $"neaspec-pieces-{Guid.NewGuid():N}.bin");
        // Unlinked at once: the file goes with its handle, even when the process dies.
        file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.Delete, 1 << 16);
        File.Delete(path);
        copy = new PgBinaryCopyWriter(file);
    }

    /// <summary>A good fix, in (individual, time) order.</summary>
    public void Add(int individualId, DateTime at, double lon, double lat)
    {
        var d = DateOnly.FromDateTime(at);
        if (individualId != individual || d != day)
        {
            Emit();
            individual = individualId;
            day = d;
            first = at;
        }
        fixes++;
        last = at;
        xy.Add(lon);
        xy.Add(lat);
    }

    private void Emit()
    {
        if (fixes == 0)
        {
            return;
        }
        copy.StartRow(6);
        copy.Int32(individual);
        copy.Date(day);
        copy.Int32(fixes);
        copy.TimestampTz(first);
        copy.TimestampTz(last);
        copy.MultiPoint4326(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(xy));
        fixes = 0;
        xy.Clear();
    }

    /// <summary>Into the temporary table track_piece of the load's session.</summary>
    public async Task CopyAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        Emit();
        copy.Complete();
        await Import.Db.ExecuteAsync(conn, TrackSql.CreatePieces, ct);
        file.Position = 0;
        await using var raw = await conn.BeginRawBinaryCopyAsync(TrackSql.CopyPieces, ct);
        await file.CopyToAsync(raw, ct);
    }

    public void Dispose() => file.Dispose();
}
