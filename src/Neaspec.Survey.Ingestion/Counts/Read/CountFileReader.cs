using CsvHelper;
using Neaspec.Survey.Ingestion.Import;
using Neaspec.Survey.Ingestion.Ledger;

namespace Neaspec.Survey.Ingestion.Counts.Read;

/// <summary>Streams a count-survey CSV as field teams save it from spreadsheets (CsvHelper: comma, semicolon
/// or tab detected, BOM, quoted fields; memory holds the current record only). Says what is wrong with the
/// header, and with a line that is not UTF-8, holds a NUL byte or has more fields than the header; stops
/// at the first broken <see cref="ImportLimits"/> (<see cref="InputLimitException"/>).</summary>
public sealed class CountFileReader : IDisposable
{
    private readonly LimitedInput input;
    private readonly ImportLimits limits;
    private readonly CsvReader? reader;
    private readonly int headerCount;
    private readonly CsvRecordCheck? check;

    private CountFileReader(LimitedInput input, ImportLimits limits)
    {
        this.input = input;
        this.limits = limits;
        TotalBytes = input.FileLength;
        if (TotalBytes == 0)
        {
            HeaderError = new RowError(1, null, null, "the file is empty (no header, no rows)");
            return;
        }
        reader = CsvReader.Create(input, CsvRecordCheck.Bounded(new CsvReaderOptions { TrackLineNumbers = true, PoolStrings = true }, limits));
        IReadOnlyList<string> headers;
        try
        {
            headers = [.. reader.Headers];
        }
        catch (CsvFormatException ex) when (!ex.Message.Contains("MaxRecordSize", StringComparison.Ordinal))
        {
            HeaderError = new RowError(1, null, null, $"unreadable header: {ex.Message}");
            return;
        }
        catch (CsvFormatException)
        {
            throw new InputLimitException(1, null, nameof(ImportLimits.MaxLineBytes), $"the header is longer than {limits.MaxLineBytes:N0} bytes");
        }
        CsvRecordCheck.Header(headers, limits);
        headerCount = headers.Count;
        check = new CsvRecordCheck(reader, headers, limits);
        HeaderError = CheckHeader(headers, reader.Separator);
    }

    /// <summary>Reads <paramref name="input"/> (which the reader then owns) within <paramref name="limits"/>.</summary>
    public static CountFileReader Open(LimitedInput input, ImportLimits limits)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(limits);
        return new(input, limits);
    }

    /// <summary>Why the file cannot be read at all (its header), or null.</summary>
    public RowError? HeaderError { get; }

    /// <summary>Which column holds which field; null when <see cref="HeaderError"/> says the header is unusable.</summary>
    public CountColumns? Columns { get; private set; }

    /// <summary>Columns the importer does not know and leaves alone.</summary>
    public IReadOnlyList<string> Ignored => Columns?.Ignored ?? [];

    public long Rows { get; private set; }

    /// <summary>The physical line the current row starts on (the header is line 1).</summary>
    public long Line => reader?.LineNumber ?? 1;

    public long Bytes => reader?.ByteOffset ?? 0;

    public long TotalBytes { get; }

    private RowError? CheckHeader(IReadOnlyList<string> headers, char separator)
    {
        if (headers.Count == 0 || headers.All(string.IsNullOrWhiteSpace))
        {
            return new RowError(1, null, null, "the file is empty (no header, no rows)");
        }
        if (headers.Any(h => h.Contains('\0', StringComparison.Ordinal)))
        {
            return new RowError(1, null, null, "the header holds a NUL byte: the file is binary or not UTF-8 text; save it as 'CSV UTF-8'");
        }
        if (headers.Any(h => h.Contains('\uFFFD', StringComparison.Ordinal)))
        {
            return new RowError(1, null, null, "the header is not UTF-8 text: save the file as 'CSV UTF-8'");
        }
        Columns = CountColumns.Map(headers, out var headerError);
        if (headerError is null)
        {
            return null;
        }
        if (headers.Count == 1)
        {
            headerError += ". The header has a single column: is the file delimited by something other than comma, semicolon or tab?";
        }
        return new RowError(1, null, string.Join(separator, headers), headerError);
    }

    /// <summary>Advances to the next row; false at the end of the file (or when the header is unusable).</summary>
    public bool Read()
    {
        if (reader is null || Columns is null || !CsvRecordCheck.Read(reader, limits))
        {
            return false;
        }
        Rows++;
        return true;
    }

    /// <summary>Why the current row cannot be validated at all (a NUL byte, not UTF-8, too many fields), or
    /// null. Throws <see cref="InputLimitException"/> for a field or a row over the limits.</summary>
    public RowError? LineError()
    {
        var csv = reader!;
        if (check!.Check(Line) is { } bad)
        {
            return bad;
        }
        if (csv.FieldCount > headerCount)
        {
            return new RowError(Line, null, csv.Current.ToString(),
                $"the row has {csv.FieldCount} fields but the header has {headerCount}: an unquoted separator in a value?");
        }
        return null;
    }

    /// <summary>The current row's field <paramref name="index"/> (null past the row's last field).</summary>
    public string? Field(int index) => index < reader!.FieldCount ? reader.GetString(index) : null;

    public void Dispose()
    {
        reader?.Dispose();
        input.Dispose();
    }
}
