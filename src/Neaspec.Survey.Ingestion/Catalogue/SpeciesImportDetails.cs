using Neaspec.Survey.Ingestion.Import;

namespace Neaspec.Survey.Ingestion.Catalogue;

/// <summary>What only a species import has to say: species added, species updated, and names (common names) the
/// catalogue did not have before.</summary>
public sealed record SpeciesImportDetails(int Added, int Updated, int NamesAdded) : ImportDetails;
