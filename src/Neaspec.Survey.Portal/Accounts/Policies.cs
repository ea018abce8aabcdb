namespace Neaspec.Survey.Portal.Accounts;

/// <summary>Authorization policy names.</summary>
public static class Policies
{
    public const string Upload = "upload";
    public const string ReadAll = "read-all";
    public const string Admin = "admin";
}
