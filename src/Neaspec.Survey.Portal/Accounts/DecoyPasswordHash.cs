using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Neaspec.Survey.Portal.Accounts;

/// <summary>The password hash of no account: made once, when the portal starts, by the registered
/// <see cref="IPasswordHasher{TUser}"/> (so with its algorithm and iteration count) from a random secret nobody
/// knows. Signing in with an e-mail that names no account verifies the password against it, so that answer
/// costs the same hash work as a wrong password for a real account.</summary>
public sealed class DecoyPasswordHash
{
    /// <summary>Makes the hash through a scope of its own: the hasher is a scoped service.</summary>
    public DecoyPasswordHash(IServiceScopeFactory scopes)
    {
        ArgumentNullException.ThrowIfNull(scopes);
        using var scope = scopes.CreateScope();
        var hasher = scope.ServiceProvider.GetRequiredService<IPasswordHasher<PortalUser>>();
        Hash = hasher.HashPassword(new PortalUser(), RandomNumberGenerator.GetHexString(32));
    }

    /// <summary>The hash, in the hasher's own format.</summary>
    public string Hash { get; }
}
