namespace Neaspec.Survey.Ingestion.Counts;

/// <summary>Totals per country, site and species: the number of surveys in which the species was counted
/// (not-counted visits excluded) and the sum of individuals.</summary>
public sealed record CountSummaryRow(string Country, string SiteCode, string SiteName, string Species, long Surveys, long Total);
