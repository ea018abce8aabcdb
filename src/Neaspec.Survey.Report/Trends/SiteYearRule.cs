using Neaspec.Survey.Connectivity;

namespace Neaspec.Survey.Report.Trends;

/// <summary>
/// The site-year value of the database mode: for each year, the window's dates as the connectivity report's seasons
/// have them (<see cref="SeasonWindow"/>: a window across the new year belongs to the year it ends in), and per site the
/// largest count of the species in it (<see cref="NodeWeights.PeakCount"/>, the connectivity report's node weight). A
/// survey that did not count the species (null) is skipped, so a site-year whose surveys all failed is missing, like
/// one with no survey; a 0 is a count. The peak rather than the mean or the sum: several counts in a window are
/// repeated looks at the same birds, and the peak is the usual census value (the International Waterbird Census and the
/// Black-faced Spoonbill census report maxima).
/// </summary>
public static class SiteYearRule
{
    /// <summary>The value of every site with a count record in some window of <paramref name="firstYear"/> to
    /// <paramref name="lastYear"/>, for each year in which it has one (a site-year without a record is missing and gets no
    /// entry), ordered by site and year.</summary>
    /// <param name="counts">Counts of the species (other species and dates outside every window are ignored).</param>
    /// <param name="species">The species' scientific name.</param>
    /// <param name="season">The yearly window.</param>
    /// <param name="firstYear">First year.</param>
    /// <param name="lastYear">Last year.</param>
    public static IReadOnlyList<SiteYearValue> Of(IReadOnlyCollection<CountRecord> counts, string species, Season season, int firstYear, int lastYear)
    {
        ArgumentNullException.ThrowIfNull(counts);
        ArgumentNullException.ThrowIfNull(season);
        var values = new List<SiteYearValue>();
        for (var year = firstYear; year <= lastYear; year++)
        {
            var window = SeasonWindow.Of(season, year);
            var inWindow = counts.Where(c => window.Contains(c.Date) && string.Equals(c.Species, species, StringComparison.OrdinalIgnoreCase)).ToList();
            var peaks = NodeWeights.PeakCount(inWindow, species, window.From, window.To);
            foreach (var site in inWindow.GroupBy(c => c.SiteCode, StringComparer.Ordinal))
            {
                int? peak = peaks.TryGetValue(site.Key, out var p) ? (int)p : null;
                values.Add(new SiteYearValue(site.Key, year, peak, site.Count(c => c.Individuals is not null), site.Count(c => c.Individuals is null)));
            }
        }
        return [.. values.OrderBy(v => v.Site, StringComparer.Ordinal).ThenBy(v => v.Year)];
    }
}
