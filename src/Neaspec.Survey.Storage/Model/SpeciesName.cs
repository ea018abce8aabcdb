namespace Neaspec.Survey.Storage.Model;

/// <summary>A common name of a catalogue species besides the preferred one of its language: a regional name (黑臉琵鷺
/// in Hong Kong, 黑面琵鷺 in Taiwan), an older name, a name a preferred one replaced. Resolves like any name.</summary>
public sealed class SpeciesName
{
    public long Id { get; set; }
    public required string ScientificName { get; set; }
    /// <summary>A <see cref="NameLanguage"/> tag.</summary>
    public required string Language { get; set; }
    public required string Name { get; set; }
    /// <summary>The species import that added it; null for names added on the portal's form.</summary>
    public long? ImportId { get; set; }
}
