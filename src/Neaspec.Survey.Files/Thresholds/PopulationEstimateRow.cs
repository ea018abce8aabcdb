namespace Neaspec.Survey.Files.Thresholds;

/// <summary>One row of a population estimates file, as written (the species not yet resolved through the catalogue).</summary>
/// <param name="Line">Physical line in the file.</param>
/// <param name="Species">The species as written.</param>
/// <param name="Population">The population's name.</param>
/// <param name="Estimate">Individuals.</param>
/// <param name="OnePercentThreshold">The published 1 % threshold, or null to take 1 % of the estimate.</param>
/// <param name="Source">The citation.</param>
/// <param name="Year">The year of the estimate.</param>
/// <param name="Note">How the figure was read from the source, or null.</param>
public sealed record PopulationEstimateRow(int Line, string Species, string Population, int Estimate, int? OnePercentThreshold,
    string Source, int Year, string? Note);
