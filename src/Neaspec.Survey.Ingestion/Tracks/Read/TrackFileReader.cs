using System.IO.Compression;
using System.Runtime.CompilerServices;
using CsvHelper;

namespace Neaspec.Survey.Ingestion.Tracks.Read;

/// <summary>Streams a Movebank CSV (plain or gzip, recognised by its bytes) row by row with CsvHelper's span
/// API: nothing but the current record is held, whatever the file's size. Reads; the rows' values are
/// judged by <see cref="Validate.TrackRowValidator"/>.</summary>
public sealed class TrackFileReader : IDisposable
{
    private readonly FileStream file;
    private readonly CsvReader csv;
    private readonly Dictionary<long, CsvMalformedReason> malformedLines = [];

    private TrackFileReader(string path, bool deploymentsGiven)
    {
        file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        Stream input = file;
        Span<byte> magic = stackalloc byte[2];
        var n = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        file.Position = 0;
        if (n == 2 && magic[0] == 0x1f && magic[1] == 0x8b)
        {
            input = new GZipStream(file, CompressionMode.Decompress);
        }
        csv = CsvReader.Create(input, new CsvReaderOptions
        {
            Separator = ',',
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            BufferSize = 1 << 20,
            OnMalformedRecord = r => malformedLines.TryAdd(r.LineNumber, r.Reason),
        }, leaveOpen: false);
        Header = MovebankHeader.Parse(csv.Headers, out var problem);
        HeaderProblem = problem;
        if (csv.Headers.Count == 0 || csv.Headers.Count == 1 && csv.Headers[0].Length == 0)
        {
            HeaderProblem = input is GZipStream
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

    /// <summary>Opens a file. <paramref name="deploymentsGiven"/>: reference data (deployments) comes with it,
    /// so rows may name tags instead of animals.</summary>
    public static TrackFileReader Open(string path, bool deploymentsGiven) => new(path, deploymentsGiven);

    public MovebankHeader Header { get; }

    /// <summary>Why the header cannot be loaded, or null.</summary>
    public string? HeaderProblem { get; }

    /// <summary>The problem is that rows name tags only and no deployments came with the file.</summary>
    public bool HeaderNeedsDeployments { get; }

    /// <summary>Bytes of the file (compressed, for gzip) read so far, for progress.</summary>
    public long BytesRead => file.Position;

    public long BytesTotal => file.Length;

    public long RowsRead { get; private set; }

    /// <summary>The physical line of the current row.</summary>
    public long Line => csv.LineNumber;

    public int FieldCount => csv.FieldCount;

    /// <summary>Advances to the next data row; false at the end of the file.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public bool Next()
    {
        if (!csv.Read())
        {
            return false;
        }
        RowsRead++;
        return true;
    }

    /// <summary>The UTF-8 bytes of the current row's field <paramref name="column"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<byte> Field(int column) => csv.GetSpan(column);

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
        file.Dispose();
    }
}
