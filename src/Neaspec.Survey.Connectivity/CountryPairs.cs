namespace Neaspec.Survey.Connectivity;

/// <summary>PCnum split by (country(i), country(j)): how much of the connectivity crosses borders.</summary>
public sealed class CountryPairs
{
    internal CountryPairs(IReadOnlyList<CountryPair> pairs, double transboundaryShare, double transboundaryShareBetweenSites)
    {
        Pairs = pairs;
        TransboundaryShare = transboundaryShare;
        TransboundaryShareBetweenSites = transboundaryShareBetweenSites;
    }

    /// <summary>One row per ordered country pair with a non-zero part; for an undirected network (A, B) and
    /// (B, A) carry equal halves of the pair's total.</summary>
    public IReadOnlyList<CountryPair> Pairs { get; }

    /// <summary>Fraction of PCnum between sites of different countries. PCnum includes the sites' own a_i^2
    /// (PCintra), so this share is small whenever a few sites hold most birds.</summary>
    public double TransboundaryShare { get; }

    /// <summary>Fraction of the between-site connectivity (PCnum - sum a_i^2, pairs i != j only) that joins sites of
    /// different countries: how much of the movement the network stands for crosses a border.</summary>
    public double TransboundaryShareBetweenSites { get; }
}
