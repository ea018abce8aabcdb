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
