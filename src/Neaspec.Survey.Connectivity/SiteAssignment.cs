namespace Neaspec.Survey.Connectivity;

/// <summary>Result of <see cref="StaySites.Assign"/>.</summary>
/// <param name="Visits">Every stay with its site, known or candidate, in the input order.</param>
/// <param name="Candidates">The candidate sites, in order of first arrival.</param>
public sealed record SiteAssignment(IReadOnlyList<SiteVisit> Visits, IReadOnlyList<CandidateSite> Candidates);
