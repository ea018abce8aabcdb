namespace Neaspec.Survey.Report.Thresholds;

/// <summary>An admin's figure for one flyway population, as given (the species in any catalogue language).</summary>
/// <param name="Species">Scientific name, synonym or common name.</param>
/// <param name="Population">The population's name, e.g. "East Asia".</param>
/// <param name="Estimate">Individuals.</param>
/// <param name="OnePercentThreshold">The published 1 % threshold; null = 1 % of the estimate, rounded.</param>
/// <param name="Source">The citation: who, year, title, publisher.</param>
/// <param name="Year">The year of the estimate.</param>
/// <param name="Note">How the figure was read from the source (a range, a census total), or null.</param>
public sealed record PopulationEstimateEdit(string Species, string Population, int Estimate, int? OnePercentThreshold, string Source, int Year,
    string? Note = null);
