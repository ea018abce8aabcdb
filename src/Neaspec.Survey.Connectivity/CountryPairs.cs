namespace Neaspec.Survey.Connectivity;

/// <summary>PCnum split by (country(i), country(j)): how much of the connectivity crosses borders.</summary>
public sealed class CountryPairs
{
    internal CountryPairs(IReadOnlyList<CountryPair> pairs, double transboundaryShare)
    {
        Pairs = pairs;
        TransboundaryShare = transboundaryShare;
    }

    /// <summary>One row per ordered country pair with a non-zero part; for an undirected network (A, B) and
    /// (B, A) carry equal halves of the pair's total.</summary>
    public IReadOnlyList<CountryPair> Pairs { get; }

    /// <summary>Fraction of PCnum between sites of different countries.</summary>
    public double TransboundaryShare { get; }
}
