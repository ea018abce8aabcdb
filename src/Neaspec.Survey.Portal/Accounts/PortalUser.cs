using Microsoft.AspNetCore.Identity;

namespace Neaspec.Survey.Portal.Accounts;

/// <summary>A portal account; the user name is the e-mail address.</summary>
public sealed class PortalUser : IdentityUser
{
    /// <summary>The field team (e.g. "Suncheon team"). Researchers of one team see each other's uploads;
    /// a researcher without a team sees only their own.</summary>
    public string? Team { get; set; }
}

/// <summary>The portal's roles. A user may hold several.</summary>
public static class Roles
{
    /// <summary>Uploads count and Movebank files; sees the uploads of their own team.</summary>
    public const string Researcher = "researcher";
    /// <summary>Reads every upload; runs and downloads reports.</summary>
    public const string Analyst = "analyst";
    /// <summary>Manages users and sites.</summary>
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Researcher, Analyst, Admin];
}

/// <summary>Authorization policy names.</summary>
public static class Policies
{
    public const string Upload = "upload";
    public const string ReadAll = "read-all";
    public const string Admin = "admin";
}
