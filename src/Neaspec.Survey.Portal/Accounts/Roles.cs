namespace Neaspec.Survey.Portal.Accounts;

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
