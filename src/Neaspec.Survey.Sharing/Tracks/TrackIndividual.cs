namespace Neaspec.Survey.Sharing.Tracks;

/// <summary>An individual whose fixes are exported, with its taxon as the file wrote it and its catalogue
/// species (null when the taxon is not in the catalogue).</summary>
internal sealed record TrackIndividual(int Id, string Study, string LocalIdentifier, string? Taxon, string? Species, string? EnglishName,
    bool SpeciesSensitive)
{
    /// <summary>The name to publish: the catalogue's scientific name, else the taxon as written.</summary>
    public string? ScientificName => Species ?? Taxon;
}
