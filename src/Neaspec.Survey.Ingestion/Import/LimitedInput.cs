using System.IO.Compression;

namespace Neaspec.Survey.Ingestion.Import;

/// <summary>The text of an input file as every reader gets it: decompressed when it is gzip (and the reader
/// takes gzip), counted as it streams against the <see cref="ImportLimits"/> — total size, compression ratio,
/// line length, lines — and stopped with an <see cref="InputLimitException"/> the moment one is broken. The
/// reader above it never holds more than one line of the limit, so a gzip bomb (a few MB expanding to GBs in
/// one endless line) costs a bounded buffer and a fraction of a second, not the machine's memory.</summary>
public sealed class LimitedInput : Stream
{
    private readonly FileStream file;
    private readonly Stream inner;
    private readonly ImportLimits limits;
    private long text;
    private long lines;
    private long lineBytes;

    private LimitedInput(FileStream file, Stream inner, bool compressed, ImportLimits limits)
    {
        this.file = file;
        this.inner = inner;
        this.limits = limits;
        IsCompressed = compressed;
    }

    /// <summary>Opens <paramref name="path"/>; a gzip file (known by its first two bytes) is decompressed
    /// when <paramref name="gunzip"/> is set, otherwise read as it is.</summary>
    public static LimitedInput Open(string path, ImportLimits limits, bool gunzip)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        try
        {
            Span<byte> magic = stackalloc byte[2];
            var isGzip = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false) == 2 && magic[0] == 0x1F && magic[1] == 0x8B;
            file.Position = 0;
            return isGzip && gunzip
                ? new LimitedInput(file, new GZipStream(file, CompressionMode.Decompress, leaveOpen: true), compressed: true, limits)
                : new LimitedInput(file, file, compressed: false, limits);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Reads up to <paramref name="count"/> bytes of the text from the start of <paramref name="path"/>
    /// (decompressed when gzip), for a look at its encoding; limits apply.</summary>
    public static byte[] Head(string path, ImportLimits limits, int count)
    {
        using var input = Open(path, limits, gunzip: true);
        var buffer = new byte[count];
        return buffer[..input.ReadAtLeast(buffer, count, throwOnEndOfStream: false)];
    }

    /// <summary>The file was gzip and is read decompressed.</summary>
    public bool IsCompressed { get; }

    /// <summary>Bytes of the file itself (compressed, for gzip) read so far, for progress.</summary>
    public long FilePosition => file.Position;

    public long FileLength => file.Length;

    /// <summary>Bytes of text handed to the reader so far.</summary>
    public long TextBytes => text;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => text;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = inner.Read(buffer);
        Count(buffer[..n]);
        return n;
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var n = await inner.ReadAsync(buffer, cancellationToken);
        Count(buffer.Span[..n]);
        return n;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <summary>Counts what was just read against every limit.</summary>
    private void Count(ReadOnlySpan<byte> chunk)
    {
        text += chunk.Length;
        if (text > limits.MaxTextBytes)
        {
            // The line on which the limit falls: this chunk's line breaks before that byte.
            var within = chunk[..(int)(chunk.Length - (text - limits.MaxTextBytes))];
            throw new InputLimitException(lines + within.Count((byte)'\n') + 1, null, nameof(ImportLimits.MaxTextBytes),
                $"the file holds more than {limits.MaxTextBytes:N0} bytes of text{(IsCompressed ? " once decompressed" : "")}");
        }
        if (IsCompressed && text > ImportLimits.RatioGraceBytes && text > limits.MaxCompressionRatio * Math.Max(1, file.Position))
        {
            throw new InputLimitException(lines + 1, null, nameof(ImportLimits.MaxCompressionRatio),
                $"the gzip file expands more than {limits.MaxCompressionRatio:0.#} times ({file.Position:N0} compressed bytes gave {text:N0}): " +
                "a compression bomb, or data no survey or tracking file holds");
        }
        CountLines(chunk);
        if (lines - 1 > limits.MaxRows)
        {
            // Line 1 is the header, so the first line over the limit is MaxRows + 2.
            throw new InputLimitException(limits.MaxRows + 2, null, nameof(ImportLimits.MaxRows), $"the file has more than {limits.MaxRows:N0} data lines");
        }
    }

    /// <summary>Lines and the length of the current one. A chunk no longer than the limit cannot hold a line
    /// over it, so most chunks cost one vectorised count.</summary>
    private void CountLines(ReadOnlySpan<byte> chunk)
    {
        var newline = chunk.IndexOf((byte)'\n');
        if (newline < 0)
        {
            lineBytes += chunk.Length;
            CheckLine();
            return;
        }
        lineBytes += newline;
        CheckLine();
        lines++;
        var rest = chunk[(newline + 1)..];
        while (rest.Length > limits.MaxLineBytes)
        {
            newline = rest.IndexOf((byte)'\n');
            lineBytes = newline < 0 ? rest.Length : newline;
            CheckLine();
            if (newline < 0)
            {
                return;
            }
            lines++;
            rest = rest[(newline + 1)..];
        }
        var more = rest.Count((byte)'\n');
        lines += more;
        lineBytes = more == 0 ? rest.Length : rest.Length - rest.LastIndexOf((byte)'\n') - 1;
    }

    private void CheckLine()
    {
        if (lineBytes > limits.MaxLineBytes)
        {
            throw new InputLimitException(lines + 1, null, nameof(ImportLimits.MaxLineBytes),
                $"the line is longer than {limits.MaxLineBytes:N0} bytes (a file cut into one endless line, or not a CSV file)");
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            if (!ReferenceEquals(inner, file))
            {
                inner.Dispose();
            }
            file.Dispose();
        }
        base.Dispose(disposing);
    }
}
