using System.Buffers;
using System.Text;
using System.Text.Unicode;
using CsvHelper;
using Neaspec.Survey.Ingestion.Ledger;

namespace Neaspec.Survey.Ingestion.Import;

/// <summary>What every CSV reader of an import checks on each record before any value is judged, the same
/// for counts, sites and tracks: the limits on columns and field length (the file is refused), and the bytes
/// that PostgreSQL cannot store as text — a NUL byte, bytes that are not UTF-8 — as a row error naming line
/// and column. Costs one vectorised scan of the raw record per row; fields are looked at one by one only
/// when the record has something to report.</summary>
public sealed class CsvRecordCheck(CsvReader csv, IReadOnlyList<string> columns, ImportLimits limits)
{
    /// <summary>CsvHelper's options with the record size bounded by the line limit, so a quoted value that
    /// never closes cannot grow the reader's buffer past it.</summary>
    public static CsvReaderOptions Bounded(CsvReaderOptions options, ImportLimits limits)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(limits);
        return options with { MaxRecordSize = limits.MaxLineBytes };
    }

    /// <summary>The header: too many columns refuse the file.</summary>
    public static void Header(IReadOnlyList<string> headers, ImportLimits limits)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(limits);
        if (headers.Count > limits.MaxColumns)
        {
            throw new InputLimitException(1, null, nameof(ImportLimits.MaxColumns), $"the header has {headers.Count:N0} columns, more than {limits.MaxColumns:N0}");
        }
    }

    /// <summary><see cref="CsvReader.Read"/>, with a record over the line limit reported as that limit.</summary>
    public static bool Read(CsvReader csv, ImportLimits limits)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(limits);
        try
        {
            return csv.Read();
        }
        catch (CsvFormatException ex) when (ex.Message.Contains("MaxRecordSize", StringComparison.Ordinal))
        {
            throw new InputLimitException(Math.Max(1, ex.LineNumber), null, nameof(ImportLimits.MaxLineBytes),
                $"a record is longer than {limits.MaxLineBytes:N0} bytes (a quoted value that never closes?)");
        }
    }

    /// <summary>Checks the current record: throws <see cref="InputLimitException"/> for a limit; returns the
    /// row error for a NUL byte or bytes that are not UTF-8, or null when the record is clean.</summary>
    public RowError? Check(long line)
    {
        if (csv.FieldCount > limits.MaxColumns)
        {
            throw new InputLimitException(line, null, nameof(ImportLimits.MaxColumns), $"the row has {csv.FieldCount:N0} fields, more than {limits.MaxColumns:N0}");
        }
        var raw = csv.RawRecord;
        if (raw.Length > limits.MaxFieldBytes)
        {
            for (var i = 0; i < csv.FieldCount; i++)
            {
                if (csv.GetSpan(i).Length > limits.MaxFieldBytes)
                {
                    throw new InputLimitException(line, Column(i), nameof(ImportLimits.MaxFieldBytes),
                        $"the value in column {Column(i)} is longer than {limits.MaxFieldBytes:N0} bytes");
                }
            }
        }
        var hasNul = raw.IndexOf((byte)0) >= 0;
        if (!hasNul && Utf8.IsValid(raw))
        {
            return null;
        }
        for (var i = 0; i < csv.FieldCount; i++)
        {
            var field = csv.GetSpan(i);
            if (field.IndexOf((byte)0) is var at and >= 0)
            {
                return new RowError(line, Column(i), Show(field),
                    $"a NUL byte (character {at + 1} of the value): the file is binary in part or not UTF-8 text; save it as 'CSV UTF-8'");
            }
            if (!Utf8.IsValid(field))
            {
                return new RowError(line, Column(i), Show(field), NotUtf8(field));
            }
        }
        // The bad bytes lie outside every field (a separator or quote position): name the line.
        return new RowError(line, null, Show(raw), hasNul ? "a NUL byte in the line: save the file as 'CSV UTF-8'" : NotUtf8(raw));
    }

    private string Column(int index) => index < columns.Count ? columns[index] : $"#{index + 1}";

    /// <summary>Why <paramref name="value"/> is not UTF-8: the first bad byte and where it is.</summary>
    public static string NotUtf8(ReadOnlySpan<byte> value)
    {
        var at = 0;
        while (at < value.Length && Rune.DecodeFromUtf8(value[at..], out _, out var consumed) == OperationStatus.Done)
        {
            at += consumed;
        }
        at = Math.Min(at, value.Length - 1);
        return $"not UTF-8 text (byte 0x{value[at]:X2} at byte {at + 1} of the value; EUC-KR, GBK, Shift-JIS or Latin-1?): save the file as 'CSV UTF-8'";
    }

    /// <summary>A value as a message and the ledger can hold it: NUL as \0, bytes that are not UTF-8 as
    /// U+FFFD, at most 200 bytes.</summary>
    public static string Show(ReadOnlySpan<byte> value)
    {
        var text = Encoding.UTF8.GetString(value.Length > 200 ? value[..200] : value).Replace("\0", "\\0", StringComparison.Ordinal);
        return value.Length > 200 ? text + "..." : text;
    }
}
