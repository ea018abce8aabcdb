namespace Neaspec.Survey.Storage.Model;

/// <summary>An animal of a study, identified by its Movebank individual-local-identifier. An animal that
/// was re-tagged keeps this one identity; its tags are linked through <see cref="Deployment"/>s.</summary>
public sealed class Individual
{
    public int Id { get; set; }
    public int StudyId { get; set; }
    public required string LocalIdentifier { get; set; }
    /// <summary>The taxon as the file names it (any taxon is accepted).</summary>
    public string? Taxon { get; set; }
    /// <summary>The catalogue species the taxon resolves to (directly or by synonym); null when the taxon
    /// is not in the catalogue.</summary>
    public string? SpeciesName { get; set; }
}
