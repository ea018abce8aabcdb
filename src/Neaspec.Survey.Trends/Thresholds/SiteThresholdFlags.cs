namespace Neaspec.Survey.Trends.Thresholds;

/// <summary>One site's seasons against one population's thresholds, and whether it meets them regularly.</summary>
/// <param name="Site">The site.</param>
/// <param name="Seasons">Every season of the series, in year order.</param>
/// <param name="AdequateSeasons">Seasons with adequate data (a count, 0 included).</param>
/// <param name="OnePercentSeasons">Seasons whose peak count reached the 1 % threshold.</param>
/// <param name="QuarterPercentSeasons">Seasons whose peak count reached 0.25 % (0 when not staging).</param>
/// <param name="OnePercent">Whether the site meets 1 % regularly.</param>
/// <param name="QuarterPercent">Whether the site meets 0.25 % regularly; null when the window is not a staging season.</param>
/// <param name="MeanPeak">Mean of the peak counts over the seasons with adequate data; null when there are none.</param>
public sealed record SiteThresholdFlags(string Site, IReadOnlyList<SeasonFlag> Seasons, int AdequateSeasons, int OnePercentSeasons,
    int QuarterPercentSeasons, Regularity OnePercent, Regularity? QuarterPercent, double? MeanPeak);
