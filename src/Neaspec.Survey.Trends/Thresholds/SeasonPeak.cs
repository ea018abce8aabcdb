namespace Neaspec.Survey.Trends.Thresholds;

/// <summary>A site's number in one season: the largest count of the species in that season's window, or null when
/// the season has no adequate data there (no survey counted the species: none was made, or every one was "not
/// counted"). A 0 is a count (the site was counted and held none).</summary>
/// <param name="Year">The season's year (a window across the new year belongs to the year it ends in).</param>
/// <param name="Count">The season's peak count, or null.</param>
public sealed record SeasonPeak(int Year, int? Count);
