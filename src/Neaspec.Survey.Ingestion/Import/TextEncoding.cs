namespace Neaspec.Survey.Ingestion.Import;

/// <summary>Recognises text that is not UTF-8 from its first bytes — UTF-16 and UTF-32, with or without a
/// byte order mark — and names it, so such a file is refused whole with its encoding named instead of
/// being read as text full of NUL bytes (which PostgreSQL refuses half-way through a load, SQLSTATE 22021)
/// or silently transcoded. Windows' "Unicode text" export is UTF-16 LE with a mark; some tools write it
/// big-endian or without one.</summary>
public static class TextEncoding
{
    /// <summary>The encoding of <paramref name="head"/> when it is UTF-16 or UTF-32, else null (UTF-8 or
    /// ASCII, or bytes too few to tell).</summary>
    public static string? NonUtf8(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
        {
            return "UTF-32 LE (byte order mark FF FE 00 00)";
        }
        if (head.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            return "UTF-32 BE (byte order mark 00 00 FE FF)";
        }
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return "UTF-16 LE (byte order mark FF FE)";
        }
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return "UTF-16 BE (byte order mark FE FF)";
        }
        return WithoutMark(head);
    }

    /// <summary>UTF-16 of mostly ASCII text (a CSV header is ASCII) has a zero in every other byte: the high
    /// byte, second in little-endian, first in big-endian. UTF-8 text has no zero bytes at all, so a third of
    /// the byte pairs with the zero on one side and almost none on the other cannot be UTF-8 with a few
    /// stray NULs.</summary>
    private static string? WithoutMark(ReadOnlySpan<byte> head)
    {
        var pairs = Math.Min(head.Length, 4096) / 2;
        if (pairs < 2)
        {
            return null;
        }
        int evenZeros = 0, oddZeros = 0;
        for (var i = 0; i < pairs; i++)
        {
            evenZeros += head[2 * i] == 0 ? 1 : 0;
            oddZeros += head[(2 * i) + 1] == 0 ? 1 : 0;
        }
        var quads = pairs / 2;
        if (quads >= 1 && evenZeros >= pairs * 3 / 4 && oddZeros >= pairs / 4 && IsUtf32(head, quads, bigEndian: true))
        {
            return "UTF-32 BE (no byte order mark)";
        }
        if (quads >= 1 && oddZeros >= pairs * 3 / 4 && evenZeros >= pairs / 4 && IsUtf32(head, quads, bigEndian: false))
        {
            return "UTF-32 LE (no byte order mark)";
        }
        if (oddZeros * 3 >= pairs && evenZeros * 20 <= pairs)
        {
            return "UTF-16 LE (no byte order mark)";
        }
        if (evenZeros * 3 >= pairs && oddZeros * 20 <= pairs)
        {
            return "UTF-16 BE (no byte order mark)";
        }
        return null;
    }

    private static bool IsUtf32(ReadOnlySpan<byte> head, int quads, bool bigEndian)
    {
        var zeroHigh = 0;
        for (var i = 0; i < quads; i++)
        {
            var q = head.Slice(4 * i, 4);
            zeroHigh += (bigEndian ? q[0] == 0 && q[1] == 0 : q[2] == 0 && q[3] == 0) ? 1 : 0;
        }
        return zeroHigh * 10 >= quads * 9;
    }

    /// <summary>The refusal of a whole file in <paramref name="encoding"/>, for a person to act on.</summary>
    public static string Refusal(string encoding) =>
        $"the file is {encoding} text, not UTF-8: save it as 'CSV UTF-8' (in Excel: Save as > CSV UTF-8)";
}
