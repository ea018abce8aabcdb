namespace Neaspec.Survey.Ingestion.Catalogue;

/// <summary>A species entry that passed validation, with its values read: what <see cref="Load.SpeciesUpsert"/> writes.</summary>
/// <param name="Entry">The entry as written.</param>
/// <param name="Rank">The rank to store, or null to keep the stored one.</param>
/// <param name="IsFlagship">The flag to store, or null to keep the stored one (false for a new species).</param>
/// <param name="IsNew">The catalogue has no species of this scientific name yet.</param>
public sealed record SpeciesChange(SpeciesEntry Entry, string? Rank, bool? IsFlagship, bool IsNew)
{
    public string ScientificName => Entry.ScientificName.Value;
}
