using Microsoft.AspNetCore.Identity;

namespace Neaspec.Survey.Portal.Accounts;

/// <summary>Creates the first admin (or gives an existing account the admin role and a new password),
/// for the CLI's <c>neaspec portal create-admin</c>.</summary>
public static class AdminAccount
{
    /// <summary>Returns what was done, or throws <see cref="Storage.SettingsException"/> with Identity's
    /// reasons (e.g. the password is too short).</summary>
    public static async Task<string> CreateAsync(IServiceProvider services, string email, string password,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        await PortalApp.MigrateAsync(services, cancellationToken);
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        var user = await users.FindByEmailAsync(email);
        string done;
        if (user is null)
        {
            user = new PortalUser { UserName = email, Email = email, EmailConfirmed = true };
            Check(await users.CreateAsync(user, password));
            done = $"admin {email} created";
        }
        else
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            Check(await users.ResetPasswordAsync(user, token, password));
            await users.SetLockoutEndDateAsync(user, null);
            done = $"{email} exists: password replaced, account unlocked";
        }
        if (!await users.IsInRoleAsync(user, Roles.Admin))
        {
            Check(await users.AddToRoleAsync(user, Roles.Admin));
        }
        return done;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new Storage.SettingsException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
