using Neaspec.Survey.Storage.Model;

namespace Neaspec.Survey.Ingestion.Catalogue;

/// <summary>A species of the catalogue with every name it goes by, per language, the preferred name first.</summary>
public sealed record CatalogueSpecies(Species Species, IReadOnlyDictionary<string, IReadOnlyList<string>> Names)
{
    /// <summary>The names of <paramref name="language"/>, preferred first; empty when it has none.</summary>
    public IReadOnlyList<string> NamesIn(string language) => Names.GetValueOrDefault(language) ?? [];
}
