using System.Runtime.CompilerServices;
using CsvHelper;
using Neaspec.Survey.Ingestion.Import;
using Neaspec.Survey.Ingestion.Ledger;

namespace Neaspec.Survey.Ingestion.Tracks.Read;

/// <summary>Streams a Movebank CSV (plain or gzip, recognised by its bytes) row by row with CsvHelper's span
/// API: nothing but the current record is held, whatever the file's size. Reads; the rows' values are
/// judged by <see cref="Validate.TrackRowValidator"/>. The text comes through a <see cref="LimitedInput"/>
/// (gzip decompressed there) and each record passes <see cref="CsvRecordCheck"/>, so no file, however
/// made, can hold the reader past the <see cref="ImportLimits"/>.</summary>
public sealed class TrackFileReader : IDisposable
{
    private readonly LimitedInput input;
    private readonly ImportLimits limits;
    private readonly CsvReader csv;
    private readonly CsvRecordCheck check;
    private readonly Dictionary<long, CsvMalformedReason> malformedLines = [];

    private TrackFileReader(LimitedInput input, ImportLimits limits, bool deploymentsGiven)
    {
        this.input = input;
        this.limits = limits;
        csv = CsvReader.Create(input, CsvRecordCheck.Bounded(new CsvReaderOptions
        {
            Separator = ',',
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            BufferSize = 1 << 20,
            OnMalformedRecord = r => malformedLines.TryAdd(r.LineNumber, r.Reason),
        }, limits), leaveOpen: true);
        CsvRecordCheck.Header(csv.Headers, limits);
        check = new CsvRecordCheck(csv, csv.Headers, limits);
        Header = MovebankHeader.Parse(csv.Headers, out var problem);
        HeaderProblem = problem;
        if (csv.Headers.Count == 0 || csv.Headers.Count == 1 && csv.Headers[0].Length == 0)
        {
            HeaderProblem = input.IsCompressed
                ? "the gzip file holds no text: it is empty or cut off"
                : "the file is empty: no header line";
        }
        else if (problem is null && Header.Individual == MovebankHeader.Missing && !deploymentsGiven)
        {
            HeaderNeedsDeployments = true;
            HeaderProblem = "the file has no individual-local-identifier column: its tags can be linked to animals only with " +
                "the study's Movebank reference data (deployments)";
        }
    }

    /// <summary>Reads <paramref name="input"/> (which the reader then owns) within <paramref name="limits"/>.
    /// <paramref name="deploymentsGiven"/>: reference data (deployments) comes with it, so rows may name tags
    /// instead of animals.</summary>
    public static TrackFileReader Open(LimitedInput input, ImportLimits limits, bool deploymentsGiven)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(limits);
        try
        {
            return new(input, limits, deploymentsGiven);
        }
        catch
        {
            input.Dispose();
            throw;
        }
    }

    public MovebankHeader Header { get; }

    /// <summary>Why the header cannot be loaded, or null.</summary>
    public string? HeaderProblem { get; }

    /// <summary>The problem is that rows name tags only and no deployments came with the file.</summary>
    public bool HeaderNeedsDeployments { get; }

    /// <summary>Bytes of the file (compressed, for gzip) read so far, for progress.</summary>
    public long BytesRead => input.FilePosition;

    public long BytesTotal => input.FileLength;

    public long RowsRead { get; private set; }

    /// <summary>The physical line of the current row.</summary>
    public long Line => csv.LineNumber;

    public int FieldCount => csv.FieldCount;

    /// <summary>Advances to the next data row; false at the end of the file.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Next()
    {
        if (!CsvRecordCheck.Read(csv, limits))
        {
            return false;
        }
        RowsRead++;
        return true;
    }

    /// <summary>The UTF-8 bytes of the current row's field <paramref name="column"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<byte> Field(int column) => csv.GetSpan(column);

    /// <summary>Why the current record's bytes cannot be stored as text (a NUL byte, not UTF-8), or null;
    /// throws <see cref="InputLimitException"/> for a field over the limit.</summary>
    public RowError? RecordError() => check.Check(csv.LineNumber);

    /// <summary>Why CsvHelper found the current row malformed (an unclosed quote, ...), if it did.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Malformed(out CsvMalformedReason reason)
    {
        reason = default;
        return malformedLines.Count > 0 && malformedLines.Remove(csv.LineNumber, out reason);
    }

    public void Dispose()
    {
        csv.Dispose();
        input.Dispose();
    }
}
