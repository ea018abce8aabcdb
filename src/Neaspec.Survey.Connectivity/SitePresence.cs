namespace Neaspec.Survey.Connectivity;

/// <summary>Tracked individuals at one site in one season: the denominator of its telemetry links.</summary>
/// <param name="Site">Site code.</param>
/// <param name="Individuals">Individuals present at the site in the season whose next state is known (they moved to
/// another site, or were still there when the season ended).</param>
/// <param name="Stayed">Of those, individuals still at the site at the end of the season (and never left it during
/// the season).</param>
/// <param name="Unknown">Individuals present at the site whose next state is unknown (the track ends, or no later
/// stay was found), left out of <paramref name="Individuals"/>.</param>
public sealed record SitePresence(string Site, int Individuals, int Stayed, int Unknown);
