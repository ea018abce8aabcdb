namespace Neaspec.Survey.Trends.Thresholds;

/// <summary>A flyway (biogeographic) population's size and the thresholds of international importance derived from it.</summary>
/// <param name="Population">The population's name, e.g. "East Asia".</param>
/// <param name="Estimate">Its size in individuals.</param>
/// <param name="OnePercent">The 1 % threshold in individuals as published (Ramsar criterion 6).</param>
/// <param name="Source">The citation of the figure.</param>
/// <param name="Year">The year of the estimate.</param>
public sealed record PopulationThreshold(string Population, int Estimate, int OnePercent, string Source, int Year)
{
    /// <summary>0.25 % of the estimate, the EAAF Partnership's threshold for staging sites (Flyway Site Network
    /// criteria): a site used on migration holds a turnover of birds, so fewer at once stand for more passing through.
    /// Not rounded: a count meets it when count &gt;= this value.</summary>
    public double QuarterPercent => Estimate * 0.0025;

    /// <summary>The smallest count that meets <see cref="QuarterPercent"/>.</summary>
    public int QuarterPercentCount => (int)Math.Ceiling(QuarterPercent);
}
