namespace Neaspec.Survey.Connectivity.Uncertainty;

/// <summary>What one resample of a season's birds gives: the whole-network indices, each site's dPC and fractions
/// (in the order of the nodes), the country-pair shares and, when asked, PC and EC with reachability.</summary>
/// <param name="PC">PC.</param>
/// <param name="EC">EC(PC).</param>
/// <param name="DPC">dPC per node, %.</param>
/// <param name="DPCintra">dPCintra per node, %.</param>
/// <param name="DPCflux">dPCflux per node, %.</param>
/// <param name="DPCconnector">dPCconnector per node, %.</param>
/// <param name="CountryShares">Share of PCnum per (country of i, country of j); a pair missing is 0.</param>
/// <param name="TransboundaryShare">Share of PCnum between sites of different countries (NaN without countries).</param>
/// <param name="ReachPC">PC with reachability (NaN when not asked, or when the resample's chain has no end).</param>
/// <param name="ReachEC">EC with reachability (NaN likewise).</param>
public sealed record SeasonReplicate(double PC, double EC, double[] DPC, double[] DPCintra, double[] DPCflux, double[] DPCconnector,
    IReadOnlyDictionary<(string From, string To), double> CountryShares, double TransboundaryShare, double ReachPC, double ReachEC)
{
    /// <summary>True when every number equals <paramref name="other"/>'s exactly (NaN equals NaN).</summary>
    public bool SameAs(SeasonReplicate other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return PC.Equals(other.PC) && EC.Equals(other.EC) && DPC.SequenceEqual(other.DPC) && DPCintra.SequenceEqual(other.DPCintra)
            && DPCflux.SequenceEqual(other.DPCflux) && DPCconnector.SequenceEqual(other.DPCconnector)
            && CountryShares.Count == other.CountryShares.Count
            && CountryShares.All(p => other.CountryShares.TryGetValue(p.Key, out var v) && v.Equals(p.Value))
            && TransboundaryShare.Equals(other.TransboundaryShare) && ReachPC.Equals(other.ReachPC) && ReachEC.Equals(other.ReachEC);
    }
}
