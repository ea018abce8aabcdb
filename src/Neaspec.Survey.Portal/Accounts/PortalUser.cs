using Microsoft.AspNetCore.Identity;

namespace Neaspec.Survey.Portal.Accounts;

/// <summary>A portal account; the user name is the e-mail address.</summary>
public sealed class PortalUser : IdentityUser
{
    /// <summary>The field team (e.g. "Suncheon team"). Researchers of one team see each other's uploads;
    /// a researcher without a team sees only their own.</summary>
    public string? Team { get; set; }
}
