using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;
using Neaspec.Survey.Portal.Accounts;

namespace Neaspec.Survey.Portal.Tests.TestUtilities;

/// <summary>The portal's own password hasher, wrapped so a test sees the hash work a request did: how many
/// verifications, and against which stored hashes. The count is the measure of the work, not a clock.</summary>
public sealed class CountingPasswordHasher(IPasswordHasher<PortalUser> inner, PasswordWork work) : IPasswordHasher<PortalUser>
{
    public string HashPassword(PortalUser user, string password)
    {
        work.Hashed();
        return inner.HashPassword(user, password);
    }

    public PasswordVerificationResult VerifyHashedPassword(PortalUser user, string hashedPassword, string providedPassword)
    {
        work.Verified(hashedPassword);
        return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
    }
}

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
