using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Neaspec.Survey.Portal.Accounts;

namespace Neaspec.Survey.Portal.Pages.Admin;

public sealed class UsersModel(UserManager<PortalUser> users) : PageModel
{
    public IReadOnlyList<UserRow> Users { get; private set; } = [];

    public string? Message { get; private set; }

    public bool Failed { get; private set; }

    public Task OnGetAsync() => LoadAsync();

    public async Task<IActionResult> OnPostCreateAsync(string email, string? team, string password, string[]? roles)
    {
        var user = new PortalUser { UserName = email?.Trim(), Email = email?.Trim(), EmailConfirmed = true, Team = Clean(team) };
        var result = await users.CreateAsync(user, password ?? "");
        if (result.Succeeded)
        {
            result = await users.AddToRolesAsync(user, Valid(roles));
        }
        Report(result, $"{user.Email} created");
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostUpdateAsync(string id, string? team, string[]? roles, bool disabled)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return NotFound();
        }
        var wanted = Valid(roles);
        var self = user.Id == users.GetUserId(User);
        if (self && !wanted.Contains(Accounts.Roles.Admin) || self && disabled)
        {
            Report(IdentityResult.Failed(new IdentityError { Description = "You cannot take the admin role from, or disable, your own account." }), "");
            await LoadAsync();
            return Page();
        }
        user.Team = Clean(team);
        var result = await users.UpdateAsync(user);
        var current = await users.GetRolesAsync(user);
        if (result.Succeeded)
        {
            result = await users.RemoveFromRolesAsync(user, current.Except(wanted));
        }
        if (result.Succeeded)
        {
            result = await users.AddToRolesAsync(user, wanted.Except(current));
        }
        if (result.Succeeded)
        {
            await users.SetLockoutEnabledAsync(user, true);
            result = await users.SetLockoutEndDateAsync(user, disabled ? DateTimeOffset.MaxValue : null);
        }
        if (result.Succeeded)
        {
            // Ends the user's sessions, so a changed role or a disabled account takes effect within a minute.
            result = await users.UpdateSecurityStampAsync(user);
        }
        Report(result, $"{user.Email} saved");
        await LoadAsync();
        return Page();
    }

    /// <summary>Lifts a lockout after failed sign-ins (and, as a side effect, a disable) and clears the count of
    /// failures, so the owner signs in at once and has the full number of attempts again.</summary>
    public async Task<IActionResult> OnPostUnlockAsync(string id)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return NotFound();
        }
        var result = await users.SetLockoutEndDateAsync(user, null);
        if (result.Succeeded)
        {
            result = await users.ResetAccessFailedCountAsync(user);
        }
        Report(result, $"{user.Email} unlocked");
        await LoadAsync();
        return Page();
    }

    private static string[] Valid(string[]? roles) => (roles ?? []).Where(Accounts.Roles.All.Contains).Distinct().ToArray();

    private static string? Clean(string? team) => string.IsNullOrWhiteSpace(team) ? null : team.Trim();

    private void Report(IdentityResult result, string success)
    {
        Failed = !result.Succeeded;
        Message = result.Succeeded ? success : string.Join(" ", result.Errors.Select(e => e.Description));
    }

    private async Task LoadAsync()
    {
        var rows = new List<UserRow>();
        foreach (var user in await users.Users.OrderBy(u => u.Email).ToListAsync())
        {
            // Disabling sets a lockout without end; a lockout after failed sign-ins ends after minutes.
            var end = user.LockoutEnd is { } e && e > DateTimeOffset.UtcNow ? e : (DateTimeOffset?)null;
            var disabled = end is { } d && d - DateTimeOffset.UtcNow > TimeSpan.FromDays(365);
            rows.Add(new UserRow(user.Id, user.Email, user.Team, [.. await users.GetRolesAsync(user)], disabled, disabled ? null : end));
        }
        Users = rows;
    }
}
