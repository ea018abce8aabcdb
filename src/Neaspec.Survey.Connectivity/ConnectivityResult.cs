namespace Neaspec.Survey.Connectivity;

/// <summary>Importance of one site for the connectivity of the network, as percentages (Conefor's convention).</summary>
/// <param name="Id">Site id.</param>
/// <param name="DPC">dPC_k = 100 (PCnum - PCnum without k) / PCnum (Saura &amp; Rubio 2010).</param>
/// <param name="DPCintra">100 a_k^2 / PCnum.</param>
/// <param name="DPCflux">100 (sum over i != k of a_i a_k p*_ik + a_k a_i p*_ki) / PCnum.</param>
/// <param name="DPCconnector">dPC - dPCintra - dPCflux: what k adds as a stepping stone between others.</param>
/// <param name="DIIC">dIIC_k, as dPC with 1 / (1 + nl_ij) in place of p*_ij.</param>
/// <param name="DIICintra">100 a_k^2 / IICnum.</param>
/// <param name="DIICflux">The flux fraction of dIIC.</param>
/// <param name="DIICconnector">The connector fraction of dIIC.</param>
/// <param name="BC">BC(PC)_k: sum of a_i a_j p*_ij over ordered pairs i != k != j whose best path passes through k
/// (Bodin &amp; Saura 2010); not a percentage.</param>
public sealed record NodeConnectivity(
    string Id,
    double DPC,
    double DPCintra,
    double DPCflux,
    double DPCconnector,
    double DIIC,
    double DIICintra,
    double DIICflux,
    double DIICconnector,
    double BC);

/// <summary>Share of PCnum between sites of one country and sites of another (or the same) country.</summary>
/// <param name="From">Country of site i.</param>
/// <param name="To">Country of site j.</param>
/// <param name="PCnum">sum of a_i a_j p*_ij over ordered pairs (i, j) with these countries, i = j included.</param>
/// <param name="Share">PCnum of the pair / PCnum of the network.</param>
public sealed record CountryPair(string From, string To, double PCnum, double Share);

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
