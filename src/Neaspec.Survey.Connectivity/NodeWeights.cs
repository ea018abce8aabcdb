namespace Neaspec.Survey.Connectivity;

/// <summary>Helpers that turn counts or stopovers into node weights; the analysis takes weights as given.</summary>
public static class NodeWeights
{
    /// <summary>
    /// Largest count of <paramref name="species"/> per site between <paramref name="from"/> and
    /// <paramref name="to"/> (inclusive). Surveys that did not count are skipped: a site with only those has no
    /// entry rather than a 0.
    /// </summary>
    public static IReadOnlyDictionary<string, double> PeakCount(IEnumerable<CountRecord> counts, string species, DateOnly from, DateOnly to)
    {
        ArgumentNullException.ThrowIfNull(counts);
        return counts
            .Where(c => c.Individuals is not null && c.Date >= from && c.Date <= to
                && string.Equals(c.Species, species, StringComparison.OrdinalIgnoreCase))
            .GroupBy(c => c.SiteCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (double)g.Max(c => c.Individuals!.Value), StringComparer.Ordinal);
    }

    /// <summary>Distinct tracked individuals per site.</summary>
    public static IReadOnlyDictionary<string, double> TrackedIndividuals(IEnumerable<SiteVisit> visits)
    {
        ArgumentNullException.ThrowIfNull(visits);
        return visits
            .GroupBy(v => v.SiteCode, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (double)g.Select(v => v.Stay.Individual).Distinct(StringComparer.Ordinal).Count(),
                StringComparer.Ordinal);
    }

    /// <summary>
    /// Network nodes for <paramref name="sites"/> weighted as chosen. A site missing from
    /// <paramref name="weights"/> weighs 0: it still relays movement as a stepping stone but holds no birds.
    /// <paramref name="weights"/> is ignored for <see cref="NodeWeighting.Uniform"/>.
    /// </summary>
    public static IReadOnlyList<SiteNode> Nodes(IEnumerable<KnownSite> sites, NodeWeighting weighting,
        IReadOnlyDictionary<string, double>? weights = null)
    {
        ArgumentNullException.ThrowIfNull(sites);
        if (weighting != NodeWeighting.Uniform && weights is null)
        {
            throw new ArgumentNullException(nameof(weights), $"{weighting} needs the weights (PeakCount or TrackedIndividuals helpers).");
        }
        return sites
            .Select(s => new SiteNode(s.Code, s.Longitude, s.Latitude,
                weighting == NodeWeighting.Uniform ? 1 : weights!.GetValueOrDefault(s.Code), s.Country))
            .ToArray();
    }
}
