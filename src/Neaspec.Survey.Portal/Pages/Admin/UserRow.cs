namespace Neaspec.Survey.Portal.Pages.Admin;

/// <summary>An account as the Users page lists it. <paramref name="LockedUntil"/>: locked out after failed
/// sign-ins until then (UTC); <paramref name="Disabled"/>: disabled by an admin (locked with no end).</summary>
public sealed record UserRow(string Id, string? Email, string? Team, IReadOnlyList<string> Roles, bool Disabled, DateTimeOffset? LockedUntil);
