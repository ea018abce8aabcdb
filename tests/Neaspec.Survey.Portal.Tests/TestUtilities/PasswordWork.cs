using System.Collections.Concurrent;

namespace Neaspec.Survey.Portal.Tests.TestUtilities;

/// <summary>What <see cref="CountingPasswordHasher"/> saw since the last <see cref="Reset"/>.</summary>
public sealed class PasswordWork
{
    private readonly ConcurrentQueue<string> verifiedAgainst = new();
    private int hashes;

    /// <summary>The stored hashes verified against, in order.</summary>
    public IReadOnlyList<string> VerifiedAgainst => [.. verifiedAgainst];

    /// <summary>New hashes made (account creation, password change, rehash).</summary>
    public int Hashes => Volatile.Read(ref hashes);

    public void Reset()
    {
        verifiedAgainst.Clear();
        Interlocked.Exchange(ref hashes, 0);
    }

    internal void Hashed() => Interlocked.Increment(ref hashes);

    internal void Verified(string hashedPassword) => verifiedAgainst.Enqueue(hashedPassword);
}
