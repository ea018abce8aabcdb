using Neaspec.Survey.Connectivity.Uncertainty;

namespace Neaspec.Survey.Report.Uncertainty;

/// <summary>The bootstrap intervals of one site's dPC and its fractions (percentages of PCnum).</summary>
/// <param name="DPC">dPC.</param>
/// <param name="DPCintra">dPCintra.</param>
/// <param name="DPCflux">dPCflux.</param>
/// <param name="DPCconnector">dPCconnector.</param>
public sealed record SiteIntervals(BootstrapInterval DPC, BootstrapInterval DPCintra, BootstrapInterval DPCflux, BootstrapInterval DPCconnector);
