namespace Neaspec.Survey.Ingestion.Catalogue;

/// <summary>A common name of a species entry: its language (a <see cref="Storage.Model.NameLanguage"/> tag) and the
/// name with its column. <paramref name="Preferred"/>: the first name of its language, which becomes the preferred one.</summary>
public sealed record SpeciesEntryName(string Language, SpeciesValue Name, bool Preferred);
