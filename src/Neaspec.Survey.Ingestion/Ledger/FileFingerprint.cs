using System.Security.Cryptography;

namespace Neaspec.Survey.Ingestion.Ledger;

/// <summary>The identity of a file for the ledger: SHA-256 of its bytes, lower-case hex.</summary>
public static class FileFingerprint
{
    public static async Task<string> Sha256Async(string path, CancellationToken cancellationToken = default)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        var hash = await SHA256.HashDataAsync(stream, cancellationToken);
        return Convert.ToHexStringLower(hash);
    }
}
