namespace Neaspec.Survey.Ingestion.Catalogue;

/// <summary>One species as a catalogue file (or the portal's form) gives it, each value with the column it came from,
/// as written: <see cref="Validate.SpeciesEntryValidator"/> judges it.</summary>
/// <param name="Line">The file line (the header is line 1); 0 for the portal's form.</param>
/// <param name="ScientificName">The key of the catalogue.</param>
/// <param name="Rank">The rank as written; an empty value when blank (an existing species keeps its rank).</param>
/// <param name="Flagship">Null when blank: an existing species keeps its flag, a new one is not flagship.</param>
/// <param name="Synonyms">Other scientific names of the taxon.</param>
/// <param name="Names">Common names in the order given: the first of each language becomes its preferred name.</param>
public sealed record SpeciesEntry(long Line, SpeciesValue ScientificName, SpeciesValue Rank, SpeciesValue? Flagship,
    IReadOnlyList<SpeciesValue> Synonyms, IReadOnlyList<SpeciesEntryName> Names);
