namespace Neaspec.Survey.Connectivity;

/// <summary>Whole-network indices and per-site values of one run of <see cref="ConnectivityAnalysis"/>.</summary>
public sealed class ConnectivityResult
{
    internal ConnectivityResult() { }

    /// <summary>PCnum = sum_i sum_j a_i a_j p*_ij (Saura &amp; Pascual-Hortal 2007).</summary>
    public double PCnum { get; init; }

    /// <summary>PC = PCnum / A_L^2.</summary>
    public double PC { get; init; }

    /// <summary>EC(PC) = sqrt(PCnum), in the unit of the weights (Saura et al. 2011).</summary>
    public double EC { get; init; }

    /// <summary>IICnum = sum_i sum_j a_i a_j / (1 + nl_ij).</summary>
    public double IICnum { get; init; }

    /// <summary>IIC = IICnum / A_L^2 (Pascual-Hortal &amp; Saura 2006).</summary>
    public double IIC { get; init; }

    /// <summary>Fraction of PCnum within sites: sum a_i^2 / PCnum.</summary>
    public double PCintra { get; init; }

    /// <summary>Fraction of PCnum from pairs whose best path is the direct link (Saura, Bodin &amp; Fortin 2014).</summary>
    public double PCdirect { get; init; }

    /// <summary>Fraction of PCnum from pairs whose best path runs through stepping stones.</summary>
    public double PCstep { get; init; }

    /// <summary>A_L, the total attribute used for PC and IIC.</summary>
    public double AreaTotal { get; init; }

    /// <summary>Number of sites.</summary>
    public int Nodes { get; init; }

    /// <summary>Number of links with p &gt; 0 (unordered pairs when undirected).</summary>
    public long Links { get; init; }

    /// <summary>Number of links that count for IIC.</summary>
    public long IicLinks { get; init; }

    /// <summary>Connected components of the IIC links (direction ignored).</summary>
    public int Components { get; init; }

    /// <summary>Per-site values in the order of <see cref="SiteNetwork.Nodes"/>.</summary>
    public IReadOnlyList<NodeConnectivity> PerNode { get; init; } = [];

    /// <summary>The country-pair table, when every site has a country.</summary>
    public CountryPairs? CountryPairs { get; init; }
}
