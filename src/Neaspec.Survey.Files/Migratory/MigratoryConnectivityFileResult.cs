using Neaspec.Survey.Connectivity.Uncertainty;

namespace Neaspec.Survey.Files.Migratory;

/// <summary>What one run computed.</summary>
/// <param name="MC">MC (small-sample form when a sample size applies, else MC(R)); NaN when undefined.</param>
/// <param name="Formula">"MC" or "MC(R)".</param>
/// <param name="SampleSize">N used by the small-sample form, or null.</param>
/// <param name="RM">Mantel rM of the individuals' points, or null without points.</param>
/// <param name="MCInterval">The bootstrap interval of MC, or null without bootstrap.</param>
/// <param name="RMInterval">The bootstrap interval of rM, or null.</param>
/// <param name="Seed">The bootstrap seed used, or null.</param>
/// <param name="Individuals">Number of individuals, or null with a psi file.</param>
public sealed record MigratoryConnectivityFileResult(double MC, string Formula, double? SampleSize, double? RM,
    BootstrapInterval? MCInterval, BootstrapInterval? RMInterval, long? Seed, int? Individuals);
