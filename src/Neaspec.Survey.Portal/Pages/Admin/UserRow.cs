namespace Neaspec.Survey.Portal.Pages.Admin;

/// <summary>A portal account as the users page lists it: e-mail, team, roles, whether it is locked out.</summary>
public sealed record UserRow(string Id, string? Email, string? Team, IReadOnlyList<string> Roles, bool Locked);
