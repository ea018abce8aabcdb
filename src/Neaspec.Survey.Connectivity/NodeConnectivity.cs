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
