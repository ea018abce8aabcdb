namespace Neaspec.Survey.Connectivity;

/// <summary>A stay at a site: a known one, or a candidate made of stays at no known site.</summary>
/// <param name="Stay">The stay.</param>
/// <param name="SiteCode">Code of the known or candidate site.</param>
/// <param name="IsCandidate">True when the site is a candidate, not (yet) a known site.</param>
public sealed record SiteVisit(Stay Stay, string SiteCode, bool IsCandidate);
