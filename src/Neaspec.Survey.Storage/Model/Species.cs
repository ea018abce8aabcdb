namespace Neaspec.Survey.Storage.Model;

/// <summary>A taxon of the catalogue. The scientific name is the key; synonyms and common names in the
/// range-country languages resolve to it. The name columns hold each language's preferred name (for display);
/// other names live in <see cref="SpeciesName"/> rows. Taxonomy: docs/species.md.</summary>
public sealed class Species
{
    public required string ScientificName { get; set; }
    /// <summary>The rank of the taxon (<see cref="Model.TaxonRank"/>: species, subspecies, genus...), Darwin Core's taxonRank.</summary>
    public string TaxonRank { get; set; } = Model.TaxonRank.Species;
    /// <summary>Other scientific names of the taxon (older combinations: Grus vipio for Antigone vipio).</summary>
    public List<string> Synonyms { get; set; } = [];
    public string? NameEn { get; set; }
    /// <summary>The preferred Chinese name in Simplified characters (zh-Hans).</summary>
    public string? NameZh { get; set; }
    /// <summary>The preferred Chinese name in Traditional characters (zh-Hant), as Taiwan writes it.</summary>
    public string? NameZhHant { get; set; }
    public string? NameJa { get; set; }
    public string? NameKo { get; set; }
    public string? NameRu { get; set; }
    public string? NameMn { get; set; }
    public bool IsFlagship { get; set; }
    /// <summary>Shared data show the sites where it was recorded only generalised to a grid (see
    /// docs/sharing.md). Set by admins.</summary>
    public bool IsSensitive { get; set; }
}
