using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Neaspec.Survey.Portal.Accounts;

/// <summary>Identity's sign-in, changed so that a password sign-in does the same password-hash work for an
/// e-mail that names no account, an account whose password is wrong, and an account that is locked out or
/// disabled: one verification each. Identity answers the first and the last before verifying anything, so
/// the time of the answer (a PBKDF2 verification is most of it) told real accounts apart from unknown ones
/// (OWASP Authentication Cheat Sheet, "Authentication and Error Messages": the same answer, in the same time).
/// What the user is told is the login page's business; it says the same in all three cases.</summary>
public sealed class PortalSignInManager(UserManager<PortalUser> userManager, IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<PortalUser> claimsFactory, IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<PortalUser>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<PortalUser> confirmation, DecoyPasswordHash decoy)
    : SignInManager<PortalUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    /// <inheritdoc/>
    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        ArgumentNullException.ThrowIfNull(userName);
        if (await UserManager.FindByNameAsync(userName) is not { } user)
        {
            SpendVerification(null, password);
            return SignInResult.Failed;
        }
        return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }

    /// <inheritdoc/>
    public override async Task<SignInResult> CheckPasswordSignInAsync(PortalUser user, string password, bool lockoutOnFailure)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (await PreSignInCheck(user) is { } refused)
        {
            // Locked out or not allowed: Identity refuses before looking at the password. Verify it anyway and
            // drop the result — a right password must not sign in, nor be told apart from a wrong one.
            SpendVerification(user, password);
            return refused;
        }
        if (user.PasswordHash is null)
        {
            // Identity fails an account without a password without hashing; the portal makes none, but if one
            // appears it must not stand out either.
            SpendVerification(null, password);
        }
        return await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
    }

    /// <summary>One verification by the registered hasher, against the account's hash or the decoy's; the
    /// result is not used.</summary>
    private void SpendVerification(PortalUser? user, string password) =>
        _ = UserManager.PasswordHasher.VerifyHashedPassword(user ?? new PortalUser(), user?.PasswordHash ?? decoy.Hash, password ?? "");
}
