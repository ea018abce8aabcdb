using System.IO.Compression;
using System.Text;

namespace Neaspec.Survey.Testing;

/// <summary>A gzip bomb made in the test: a Movebank header and the start of a row, then one endless line
/// of 'a' — a few MB of gzip that expand to GBs. Built from gzip members (RFC 1952 §2.2: a gzip file may be
/// several members one after another, and readers concatenate them): one member of 64 MiB of 'a' is
/// compressed once (about 64 KB, deflate's ratio of roughly 1,000 to 1) and written as many times as
/// needed, so making a 4 GiB bomb costs a second, not a minute of compression.</summary>
public static class GzipBomb
{
    public const string TrackHeader = "event-id,timestamp,location-long,location-lat,individual-local-identifier,study-name\n";

    private const int MemberBytes = 64 << 20;

    /// <summary>Writes the bomb to <paramref name="path"/>: <paramref name="head"/> (a header and the start of
    /// a row), then <paramref name="members"/> x 64 MiB of 'a' without a line break. Returns the bytes it
    /// expands to.</summary>
    public static long Write(string path, int members, string head = TrackHeader + "1,2024-10-01 00:00:00.000,127.2,38.2,")
    {
        using var file = File.Create(path);
        var headBytes = Encoding.UTF8.GetBytes(head);
        file.Write(Member(headBytes));
        var member = Member(Enumerable.Repeat((byte)'a', MemberBytes).ToArray());
        for (var i = 0; i < members; i++)
        {
            file.Write(member);
        }
        return headBytes.Length + ((long)members * MemberBytes);
    }

    private static byte[] Member(byte[] content)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(content);
        }
        return buffer.ToArray();
    }
}
