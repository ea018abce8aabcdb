namespace Neaspec.Survey.Trends.Thresholds;

/// <summary>
/// Flags sites of international importance from their seasonal peak counts: a season meets Ramsar criterion 6 when
/// its peak count reaches the population's 1 % threshold (Ramsar Convention, criterion 6: "regularly supports 1 % of the
/// individuals in a population of one species or subspecies of waterbird"), and, at a staging site, the EAAF
/// Partnership's Flyway Site Network criterion when it reaches 0.25 % of the population. A site meets a threshold
/// <em>regularly</em> when it did so in at least two thirds of the seasons with adequate data, with at least three such
/// seasons (Ramsar Strategic Framework, glossary "regularly", part i). Imputed values are never used: a flag rests on
/// birds that were counted.
/// </summary>
public static class ThresholdCriteria
{
    /// <summary>The fewest seasons with adequate data on which "regularly" can be judged (Ramsar: "not less than three").</summary>
    public const int MinimumSeasons = 3;

    /// <summary>Flags every season of <paramref name="seasons"/> and judges regularity.</summary>
    /// <param name="site">The site.</param>
    /// <param name="seasons">Its peak count per season (null = no adequate data).</param>
    /// <param name="threshold">The population's thresholds.</param>
    /// <param name="staging">True when the window is a passage season, so the 0.25 % staging criterion applies.</param>
    public static SiteThresholdFlags Evaluate(string site, IEnumerable<SeasonPeak> seasons, PopulationThreshold threshold, bool staging)
    {
        ArgumentNullException.ThrowIfNull(seasons);
        ArgumentNullException.ThrowIfNull(threshold);
        var flags = seasons.OrderBy(s => s.Year)
            .Select(s => new SeasonFlag(s.Year, s.Count,
                s.Count is { } n && n >= threshold.OnePercent,
                staging && s.Count is { } m && m >= threshold.QuarterPercent))
            .ToArray();
        var adequate = flags.Count(f => f.Count is not null);
        var onePercent = flags.Count(f => f.OnePercent);
        var quarter = flags.Count(f => f.QuarterPercent);
        double? meanPeak = adequate > 0 ? flags.Where(f => f.Count is not null).Average(f => (double)f.Count!.Value) : null;
        return new SiteThresholdFlags(site, flags, adequate, onePercent, quarter, Regularly(onePercent, adequate),
            staging ? Regularly(quarter, adequate) : null, meanPeak);
    }

    /// <summary>Ramsar's "regularly": met in two thirds of the <paramref name="adequate"/> seasons or more, compared in
    /// whole numbers (3 met >= 2 adequate) so that 2 of 3 counts and 0.666… never meets a rounding edge; fewer than
    /// <see cref="MinimumSeasons"/> seasons cannot be judged.</summary>
    public static Regularity Regularly(int met, int adequate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(met);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(met, adequate);
        return adequate < MinimumSeasons ? Regularity.TooFewSeasons
            : 3 * met >= 2 * adequate ? Regularity.Regularly
            : Regularity.NotRegularly;
    }
}
