namespace Neaspec.Survey.Connectivity;

/// <summary>A count of one species on one survey at one site; null individuals means not counted.</summary>
/// <param name="SiteCode">Site code.</param>
/// <param name="Species">Scientific name.</param>
/// <param name="Date">Survey date.</param>
/// <param name="Individuals">Individuals counted, or null when not counted (fog, no access) — never 0.</param>
public sealed record CountRecord(string SiteCode, string Species, DateOnly Date, int? Individuals);
