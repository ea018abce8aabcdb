namespace Neaspec.Survey.Connectivity.Migratory;

/// <summary>What one bootstrap resample of the individuals (or the sample itself) gives.</summary>
/// <param name="MC">MC with N = the number of animals (NaN when undefined).</param>
/// <param name="RM">Mantel rM of the animals' points (NaN without points).</param>
/// <param name="Psi">psi estimated from the resample.</param>
public sealed record MigratoryReplicate(double MC, double RM, double[,] Psi);
