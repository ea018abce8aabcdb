using System.Security.Claims;
using Neaspec.Survey.Portal.Accounts;

namespace Neaspec.Survey.Portal.Uploads;

/// <summary>Who sees which uploads: analysts and admins all of them; a researcher those of their team
/// (their own only when they have no team).</summary>
public static class UploadAccess
{
    public static bool ReadsAll(ClaimsPrincipal principal)
    {
        ArgumentNullException.ThrowIfNull(principal);
        return principal.IsInRole(Roles.Analyst) || principal.IsInRole(Roles.Admin);
    }

    public static IQueryable<Upload> VisibleTo(this IQueryable<Upload> uploads, ClaimsPrincipal principal, PortalUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (ReadsAll(principal))
        {
            return uploads;
        }
        var team = string.IsNullOrWhiteSpace(user.Team) ? null : user.Team;
        return team is null
            ? uploads.Where(u => u.UserId == user.Id)
            : uploads.Where(u => u.UserId == user.Id || u.Team == team);
    }
}
