using System.Security.Cryptography;
using System.Text;

namespace Neaspec.Survey.Sharing;

/// <summary>Identifiers that stay the same in every export of the same data: name-based UUIDs (version 5,
/// SHA-1; RFC 9562 section 5.5) of a record's natural key, in a namespace of the publisher's choosing
/// (<c>Sharing:IdNamespace</c>). They never depend on the database's serial ids, which a re-import into
/// another database changes, and they reveal nothing of the key (a sensitive site's code stays out of the
/// eventID). The keys are listed in docs/sharing.md.</summary>
public static class StableId
{
    /// <summary>The version-5 UUID of <paramref name="name"/> (UTF-8) in <paramref name="space"/>, lower-case
    /// hex with hyphens as RFC 9562 writes it.</summary>
    public static string Create(Guid space, string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        // RFC 9562 5.5: SHA-1 over the namespace's 16 bytes in network order, then the name.
        var max = 16 + Encoding.UTF8.GetMaxByteCount(name.Length);
        Span<byte> input = max <= 1024 ? stackalloc byte[max] : new byte[max];
        if (!space.TryWriteBytes(input, bigEndian: true, out _))
        {
            throw new InvalidOperationException("a Guid is 16 bytes");
        }
        var length = 16 + Encoding.UTF8.GetBytes(name, input[16..]);
        Span<byte> hash = stackalloc byte[20];
        SHA1.HashData(input[..length], hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50); // version 5
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // variant 10xx
        return new Guid(bytes, bigEndian: true).ToString("D");
    }
}
