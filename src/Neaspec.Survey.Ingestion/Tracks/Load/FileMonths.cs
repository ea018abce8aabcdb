using Neaspec.Survey.Ingestion.Import;
using Neaspec.Survey.Ingestion.Tracks.Read;

namespace Neaspec.Survey.Ingestion.Tracks.Load;

/// <summary>The calendar months (UTC) a tracks file's fixes fall in, read before the load so that the COPY can
/// put the rows of months without a partition into tables of their own. A quick pass: the timestamp of every row
/// that has a coordinate, nothing else parsed; rows the validator will refuse may add a month, whose table then
/// stays empty and is dropped. Times outside the plausible window are skipped, as the validator refuses them
/// (a year-9999 or year-1 cell must not ask for a partition of its own). About 0.1 s per million rows of a plain file (docs/tracks.md).</summary>
internal static class FileMonths
{
    /// <summary>The first day of each month the file's fixes fall in, in order.</summary>
    public static DateOnly[] Read(LimitedInput input, ImportLimits limits, DateWindow dates, CancellationToken ct)
    {
        // Through the same limits as the load itself, so a gzip bomb is refused here too rather than read unbounded.
        using var reader = TrackFileReader.Open(input, limits, deploymentsGiven: true);
        var h = reader.Header;
        if (h.Timestamp == MovebankHeader.Missing || h.Longitude == MovebankHeader.Missing || h.Latitude == MovebankHeader.Missing)
        {
            return [];
        }
        var months = new HashSet<int>();
        var last = -1;
        while (reader.Next())
        {
            if (h.Timestamp >= reader.FieldCount || h.Longitude >= reader.FieldCount || h.Latitude >= reader.FieldCount
                || (MovebankValues.IsMissing(reader.Field(h.Longitude)) && MovebankValues.IsMissing(reader.Field(h.Latitude)))
                || !MovebankValues.TryParseTimestamp(reader.Field(h.Timestamp), out var at)
                || !dates.Contains(at))
            {
                continue;
            }
            var month = (at.Year * 12) + at.Month - 1;
            if (month != last)
            {
                months.Add(month);
                last = month;
            }
            if ((reader.RowsRead & 0xFFFF) == 0)
            {
                ct.ThrowIfCancellationRequested();
            }
        }
        return [.. months.Order().Select(m => new DateOnly(m / 12, (m % 12) + 1, 1))];
    }
}
