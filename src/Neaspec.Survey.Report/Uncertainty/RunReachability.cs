namespace Neaspec.Survey.Report.Uncertainty;

/// <summary>PC and EC of a telemetry run with reachability at any later stay in place of Conefor's best path
/// (<see cref="Connectivity.Migratory.Reachability"/>), or why they cannot be computed.</summary>
/// <param name="PC">PC with h_ij (NaN when <paramref name="WhyNot"/>).</param>
/// <param name="EC">sqrt of PCnum with h_ij.</param>
/// <param name="WhyNot">Why the season is no absorbing chain, or null.</param>
public sealed record RunReachability(double PC, double EC, string? WhyNot);
