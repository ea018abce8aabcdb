namespace Neaspec.Survey.Storage.Model;

/// <summary>A taxon of the catalogue. The scientific name is the key; synonyms and common names in the
/// six range-country languages resolve to it.</summary>
public sealed class Species
{
    public required string ScientificName { get; set; }
    public List<string> Synonyms { get; set; } = [];
    public string? NameEn { get; set; }
    public string? NameZh { get; set; }
    public string? NameJa { get; set; }
    public string? NameKo { get; set; }
    public string? NameRu { get; set; }
    public string? NameMn { get; set; }
    public bool IsFlagship { get; set; }
    /// <summary>Shared data show the sites where it was recorded only generalised to a grid (see
    /// docs/sharing.md). Set by admins.</summary>
    public bool IsSensitive { get; set; }
}
