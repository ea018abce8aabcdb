using System.Runtime.CompilerServices;
using Neaspec.Survey.Ingestion.Sites;
using Neaspec.Survey.Ingestion.Tracks.Validate;
using Npgsql;
using NpgsqlTypes;

namespace Neaspec.Survey.Ingestion.Tracks.Load;

/// <summary>The fast way in, when nothing stored can conflict with the file: a study with no stored
/// fixes, or a file that only appends (every fix later than its individual's last stored one, every
/// event id above the study's highest; the first row that is not ends the attempt). Rows are COPYed
/// straight into <c>fixes</c>, with database ids for individuals and tags taken from blocks reserved
/// before the COPY, and the speed filter applied on the fly (one fix of look-ahead per individual,
/// seeded with the individual's last two stored fixes) while the file is in (individual, time) order.</summary>
internal sealed class DirectCopyWriter : IDisposable
{
    // Ids reserved per file; a file with more new individuals (or tags) takes the staged way.
    private const int Reserve = 2048;

    private readonly NpgsqlConnection conn;
    private readonly int studyId;
    private readonly string study;
    private readonly long importId;
    private readonly double limitKmh;
    private readonly TrackKeys keys;
    private readonly ReservedIds individualIds;
    private readonly ReservedIds tagIds;

    // Order check and look-ahead of the speed filter.
    private readonly HashSet<int> finished = [];
    private int current = -1;
    private DateTime currentTime;
    private bool hasPending;
    private TrackRow pending;
    private double? pendingKmhIn;

    // What is stored: per individual (database id) its last fix and last two unflagged ones; the study's
    // highest event id. A pending fix may be a stored one, judged again now that it has a next fix.
    private readonly Dictionary<int, StoredTail> tails = [];
    private long? maxStoredEventId;
    private bool pendingIsStored;
    private StoredTail pendingTail;

    /// <summary>Stored fixes whose speed flag the new ones change (id, time, new flag).</summary>
    public List<(long Id, DateTime At, bool Flag)> StoredFlagChanges { get; } = [];

    // The lines' pieces of the days this file writes whole (null once the file is not in track order).
    private LinePieces? pieces = new();

    // Per individual (the file's key): the first and last time of its new fixes; MaxValue until it has one.
    private readonly List<DateTime> firstNew = [];
    private readonly List<DateTime> lastNew = [];

    private readonly record struct StoredTail(DateTime MaxObservedAt, long LastId, DateTime LastAt, double LastLon,
        double LastLat, bool LastFlag, double? LastKmhIn);

    private DirectCopyWriter(NpgsqlConnection conn, int studyId, string study, long importId, double limitKmh, TrackKeys keys,
        Dictionary<string, int> storedIndividuals, Dictionary<string, int> storedTags, int[] reservedIndividuals, int[] reservedTags)
    {
        this.conn = conn;
        this.studyId = studyId;
        this.study = study;
        this.importId = importId;
        this.limitKmh = limitKmh;
        this.keys = keys;
        individualIds = new ReservedIds("individuals", study, storedIndividuals, reservedIndividuals,
            k => (keys.Individuals[k].Study, keys.Individuals[k].Individual));
        tagIds = new ReservedIds("tags", study, storedTags, reservedTags, k => keys.Tags[k]);
    }

    /// <summary>The file is not one for the direct way after all.</summary>
    public sealed class Abandoned(string message) : Exception(message);

    public PgBinaryCopyWriter Copy { get; set; } = null!;

    /// <summary>Whether every individual's fixes came as one run in time order (then the flags set while
    /// copying are the speed filter's).</summary>
    public bool TracksInOrder { get; private set; } = true;

    /// <summary>Fixes written with any flag, and with the speed flag.</summary>
    public long Flagged { get; private set; }

    public long SpeedFlagged { get; private set; }

    public static async Task<DirectCopyWriter> PrepareAsync(NpgsqlConnection conn, int studyId, string study, long importId,
        double limitKmh, TrackKeys keys, bool studyHasFixes, CancellationToken ct)
    {
        var individuals = await NamesAsync(conn, TrackSql.StudyIndividuals, studyId, ct);
        var tags = await NamesAsync(conn, TrackSql.StudyTags, studyId, ct);
        var reservedIndividuals = await ReserveAsync(conn, "individuals", ct);
        var reservedTags = await ReserveAsync(conn, "tags", ct);
        var direct = new DirectCopyWriter(conn, studyId, study, importId, limitKmh, keys, individuals, tags, reservedIndividuals, reservedTags);
        if (studyHasFixes)
        {
            await direct.LoadTailsAsync(ct);
        }
        return direct;
    }

    private async Task LoadTailsAsync(CancellationToken ct)
    {
        await using (var max = new NpgsqlCommand(TrackSql.MaxStoredEventId, conn)
        {
            Parameters = { new() { Value = studyId } },
        })
        {
            maxStoredEventId = await max.ExecuteScalarAsync(ct) is long m ? m : null;
        }
        await using var cmd = new NpgsqlCommand(TrackSql.StoredTails, conn)
        {
            Parameters = { new() { Value = studyId } },
        };
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            tails[r.GetInt32(0)] = r.IsDBNull(2)
                ? new StoredTail(r.GetDateTime(1), -1, default, 0, 0, false, null)
                : new StoredTail(r.GetDateTime(1), r.GetInt64(2), r.GetDateTime(3), r.GetDouble(4), r.GetDouble(5), r.GetBoolean(6),
                    r.IsDBNull(7) ? null : r.GetDouble(7));
        }
    }

    private static async Task<Dictionary<string, int>> NamesAsync(NpgsqlConnection conn, string sql, int studyId, CancellationToken ct)
    {
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var cmd = new NpgsqlCommand(sql, conn) { Parameters = { new() { Value = studyId } } };
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            names[r.GetString(0)] = r.GetInt32(1);
        }
        return names;
    }

    private static async Task<int[]> ReserveAsync(NpgsqlConnection conn, string table, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(TrackSql.ReserveIds(table, Reserve), conn);
        return (int[])(await cmd.ExecuteScalarAsync(ct))!;
    }

    private int IndividualId(int key) => individualIds.For(key);

    private int TagId(int key) => tagIds.For(key);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Write(ref TrackRow row)
    {
        var individualId = IndividualId(row.Individual);
        var tail = tails.TryGetValue(individualId, out var t) ? t : (StoredTail?)null;
        if (tail is { } stored && row.ObservedAt <= stored.MaxObservedAt)
        {
            throw new Abandoned("fixes at or before stored ones");
        }
        if (row.EventId is { } e && e <= maxStoredEventId)
        {
            throw new Abandoned("event ids at or below stored ones");
        }

        var firstOfIndividual = false;
        if (row.Individual != current)
        {
            firstOfIndividual = finished.Add(row.Individual);
            TracksInOrder &= firstOfIndividual;
            current = row.Individual;
        }
        else if (row.ObservedAt < currentTime)
        {
            TracksInOrder = false;
        }
        currentTime = row.ObservedAt;

        if (!row.Visible || row.MarkedOutlier)
        {
            // Excluded by another flag: not part of the sequence the speed filter judges.
            WriteRow(ref row, false);
            return;
        }
        if (!(hasPending && pending.Individual == row.Individual))
        {
            Finish();
            if (firstOfIndividual && tail is { LastId: >= 0 } last)
            {
                // The individual's last stored unflagged fix is judged again, now with a next fix.
                pending = new TrackRow { Individual = row.Individual, ObservedAt = last.LastAt, Longitude = last.LastLon, Latitude = last.LastLat };
                pendingKmhIn = last.LastKmhIn;
                pendingIsStored = true;
                pendingTail = last;
                hasPending = true;
            }
            else
            {
                pending = row;
                pendingKmhIn = null;
                hasPending = true;
                return;
            }
        }
        var kmhOut = Kmh(ref pending, ref row);
        Release(IsSpike(pendingKmhIn, kmhOut));
        pending = row;
        pendingKmhIn = kmhOut;
        hasPending = true;
    }

    /// <summary>Writes the last fix held back for the speed filter.</summary>
    public void Finish()
    {
        if (hasPending)
        {
            // A stored fix without a new next fix keeps its flag.
            Release(pendingIsStored ? pendingTail.LastFlag : IsSpike(pendingKmhIn, null));
        }
    }

    private void Release(bool spike)
    {
        if (pendingIsStored)
        {
            if (spike != pendingTail.LastFlag)
            {
                StoredFlagChanges.Add((pendingTail.LastId, pendingTail.LastAt, spike));
            }
            pendingIsStored = false;
        }
        else
        {
            WriteRow(ref pending, spike);
        }
        hasPending = false;
    }

    // As SpeedFilterSql: too fast in and too fast out; a missing neighbour does not acquit.
    private bool IsSpike(double? kmhIn, double? kmhOut) =>
        (kmhIn is not null || kmhOut is not null) && (kmhIn is null || kmhIn > limitKmh) && (kmhOut is null || kmhOut > limitKmh);

    private static double Kmh(ref TrackRow a, ref TrackRow b)
    {
        // ST_DistanceSphere's sphere, as the SQL filter uses.
        var meters = Geodesy.HaversineMeters(a.Latitude, a.Longitude, b.Latitude, b.Longitude, Geodesy.PostgisSphereRadiusMeters);
        var seconds = Math.Max(Math.Abs((b.ObservedAt - a.ObservedAt).TotalSeconds), 0.001);
        return meters * 3.6 / seconds;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void WriteRow(ref TrackRow row, bool speedOutlier)
    {
        if (speedOutlier)
        {
            SpeedFlagged++;
        }
        if (speedOutlier || !row.Visible || row.MarkedOutlier)
        {
            Flagged++;
        }
        Span(row.Individual, row.ObservedAt);
        if (pieces is not null && !speedOutlier && row.Visible && !row.MarkedOutlier)
        {
            Piece(ref row);
        }
        var copy = Copy;
        copy.StartRow(18);
        copy.Int32(studyId);
        copy.Int32(IndividualId(row.Individual));
        if (row.Tag >= 0) copy.Int32(TagId(row.Tag)); else copy.Null();
        if (row.EventId is { } e) copy.Int64(e); else copy.Null();
        copy.TimestampTz(row.ObservedAt);
        copy.Point4326(row.Longitude, row.Latitude);
        copy.Bool(row.Visible);
        copy.Bool(row.MarkedOutlier);
        copy.Bool(speedOutlier);
        TrackMeasures.Write(copy, ref row);
        copy.Int64(importId);
        copy.Int32((int)row.Line);
    }

    private void Piece(ref TrackRow row)
    {
        if (!TracksInOrder)
        {
            // The fixes of a day did not come together: the database makes the pieces.
            pieces!.Dispose();
            pieces = null;
            return;
        }
        var id = IndividualId(row.Individual);
        if (tails.TryGetValue(id, out var tail) && DateOnly.FromDateTime(row.ObservedAt) <= DateOnly.FromDateTime(tail.MaxObservedAt))
        {
            return; // a day that holds stored fixes too
        }
        pieces!.Add(id, row.ObservedAt, row.Longitude, row.Latitude);
    }

    /// <summary>The pieces into the load's session (see <see cref="LinePieces"/>), and per individual the days they
    /// cover whole; null when the file was not in track order.</summary>
    public async Task<LineSpans> PiecesAsync(LineSpans spans, CancellationToken ct)
    {
        if (pieces is null || !TracksInOrder)
        {
            return spans;
        }
        ArgumentNullException.ThrowIfNull(spans);
        await pieces.CopyAsync(conn, ct);
        pieces.Dispose();
        pieces = null;
        var from = new DateOnly?[spans.Individuals.Length];
        var to = new DateOnly?[spans.Individuals.Length];
        for (var key = 0; key < firstNew.Count; key++)
        {
            if (firstNew[key] == DateTime.MaxValue)
            {
                continue;
            }
            var id = IndividualId(key);
            var i = Array.IndexOf(spans.Individuals, id);
            var first = DateOnly.FromDateTime(firstNew[key]);
            if (tails.TryGetValue(id, out var tail))
            {
                var stored = DateOnly.FromDateTime(tail.MaxObservedAt).AddDays(1);
                first = stored > first ? stored : first;
            }
            var last = DateOnly.FromDateTime(lastNew[key]);
            if (first <= last)
            {
                (from[i], to[i]) = (first, last);
            }
        }
        return spans with { PiecesFrom = from, PiecesTo = to };
    }

    public void Dispose() => pieces?.Dispose();

    private void Span(int key, DateTime at)
    {
        while (firstNew.Count <= key)
        {
            firstNew.Add(DateTime.MaxValue);
            lastNew.Add(DateTime.MinValue);
        }
        if (at < firstNew[key])
        {
            firstNew[key] = at;
        }
        if (at > lastNew[key])
        {
            lastNew[key] = at;
        }
    }

    /// <summary>Per individual with new fixes, the times whose lines change: from its last good stored fix (whose
    /// speed flag the new fixes judge again) or its first new fix, to its last new fix.</summary>
    public LineSpans Spans()
    {
        var ids = new List<int>();
        var from = new List<DateTime>();
        var to = new List<DateTime>();
        for (var key = 0; key < firstNew.Count; key++)
        {
            if (firstNew[key] == DateTime.MaxValue)
            {
                continue;
            }
            var id = IndividualId(key);
            var first = firstNew[key];
            if (tails.TryGetValue(id, out var tail) && tail.LastId >= 0 && tail.LastAt < first)
            {
                first = tail.LastAt;
            }
            ids.Add(id);
            from.Add(first);
            to.Add(lastNew[key]);
        }
        return new LineSpans([.. ids], [.. from], [.. to]);
    }

    /// <summary>Stores the new individuals and tags under their reserved ids (the COPY already refers to
    /// them; the transaction makes both visible at once) and returns the ids of the file's individuals.</summary>
    public async Task<int[]> WriteKeysAsync(CancellationToken ct)
    {
        for (var k = 0; k < keys.Individuals.Count; k++)
        {
            IndividualId(k);
        }
        for (var k = 0; k < keys.Tags.Count; k++)
        {
            TagId(k);
        }
        var ids = individualIds.Ids.ToArray();
        var names = keys.Individuals.Select(i => i.Individual).ToArray();
        var taxa = keys.Individuals.Select(i => i.Taxon).ToArray();
        await using (var cmd = new NpgsqlCommand(TrackSql.InsertReservedIndividuals, conn))
        {
            cmd.Parameters.AddWithValue(ids);
            cmd.Parameters.AddWithValue(names);
            cmd.Parameters.Add(new NpgsqlParameter { Value = taxa, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            cmd.Parameters.AddWithValue(studyId);
            await cmd.ExecuteNonQueryAsync(ct);
        }
        await using (var cmd = new NpgsqlCommand(TrackSql.InsertReservedTags, conn))
        {
            cmd.Parameters.AddWithValue(tagIds.Ids.ToArray());
            cmd.Parameters.AddWithValue(keys.Tags.Select(t => t.Tag).ToArray());
            cmd.Parameters.AddWithValue(studyId);
            await cmd.ExecuteNonQueryAsync(ct);
        }
        return ids;
    }
}
