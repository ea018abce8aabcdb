using Neaspec.Survey.Ingestion.Import;
using Npgsql;

namespace Neaspec.Survey.Ingestion.Tracks.Load;

/// <summary>
/// Where the direct COPY puts a file that brings months without a partition: a table of its own per new month,
/// without any index, gathered under a load table partitioned like <c>fixes</c> (rows of months that have a
/// partition go to its default partition). After the COPY each new month gets its indexes in one sorted build
/// each and is attached to <c>fixes</c>; the other rows go into <c>fixes</c> by one INSERT. A month's indexes
/// built once cost a fraction of keeping them row by row (GiST most of all; docs/tracks.md), and the rows are
/// written once. Everything happens in the load's transaction: a failure leaves no month behind.
/// </summary>
internal sealed class NewMonths
{
    private readonly string load;
    private readonly List<(DateOnly First, string Table)> months;
    private readonly bool hasRest;

    private NewMonths(string load, List<(DateOnly, string)> months, bool hasRest)
    {
        this.load = load;
        this.months = months;
        this.hasRest = hasRest;
    }

    /// <summary>The table the COPY fills.</summary>
    public string Target => $"fix_months.{load}";

    /// <summary>How many months the load brings.</summary>
    public int Count => months.Count;

    /// <summary>Creates the new months' tables under a load table, or returns null when every month of the file
    /// has its partition (the COPY then goes straight into <c>fixes</c>).</summary>
    public static async Task<NewMonths?> PrepareAsync(NpgsqlConnection conn, long importId, DateOnly[] fileMonths, CancellationToken ct)
    {
        if (fileMonths.Length == 0)
        {
            return null;
        }
        DateOnly[] missing;
        await using (var cmd = new NpgsqlCommand(TrackSql.MissingMonths, conn) { Parameters = { new() { Value = fileMonths } } })
        {
            missing = (DateOnly[])(await cmd.ExecuteScalarAsync(ct))!;
        }
        if (missing.Length == 0)
        {
            return null;
        }
        var load = $"load_{importId}";
        await Db.ExecuteAsync(conn, TrackSql.CreateLoad(load), ct);
        var months = new List<(DateOnly, string)>();
        foreach (var first in missing)
        {
            await using var cmd = new NpgsqlCommand(TrackSql.CreateMonth, conn) { Parameters = { new() { Value = first } } };
            var table = (string)(await cmd.ExecuteScalarAsync(ct))!;
            await Db.ExecuteAsync(conn, TrackSql.AttachToLoad(load, table, first), ct);
            months.Add((first, table));
        }
        var hasRest = missing.Length < fileMonths.Length;
        if (hasRest)
        {
            await Db.ExecuteAsync(conn, TrackSql.CreateLoadRest(load), ct);
        }
        return new NewMonths(load, months, hasRest);
    }

    /// <summary>After the COPY: the other months' rows into <c>fixes</c>, each new month indexed and attached (an
    /// empty one dropped). Duplicates inside the file fail here, on a unique index, as they would have failed the
    /// COPY into indexed tables.</summary>
    public async Task FinishAsync(NpgsqlConnection conn, CancellationToken ct)
    {
        if (hasRest)
        {
            await Db.ExecuteAsync(conn, TrackSql.MoveLoadRest(load), ct);
        }
        foreach (var (_, table) in months)
        {
            await Db.ExecuteAsync(conn, TrackSql.DetachFromLoad(load, table), ct);
        }
        await Db.ExecuteAsync(conn, TrackSql.DropLoad(load), ct);
        foreach (var (first, table) in months)
        {
            if (await Db.LongAsync(conn, TrackSql.MonthHasRows(table), ct) == 0)
            {
                await Db.ExecuteAsync(conn, TrackSql.DropMonth(table), ct);
                continue;
            }
            await using var cmd = new NpgsqlCommand(TrackSql.IndexAndAttachMonth, conn)
            {
                Parameters = { new() { Value = table }, new() { Value = first } },
            };
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }
}
