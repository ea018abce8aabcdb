namespace Neaspec.Survey.Ingestion.Catalogue;

/// <summary>A value of a species entry and the column (or form field) it came from.</summary>
public sealed record SpeciesValue(string Column, string Value);
