namespace Neaspec.Survey.Connectivity;

/// <summary>Share of PCnum between sites of one country and sites of another (or the same) country.</summary>
/// <param name="From">Country of site i.</param>
/// <param name="To">Country of site j.</param>
/// <param name="PCnum">sum of a_i a_j p*_ij over ordered pairs (i, j) with these countries, i = j included.</param>
/// <param name="Share">PCnum of the pair / PCnum of the network.</param>
public sealed record CountryPair(string From, string To, double PCnum, double Share);
