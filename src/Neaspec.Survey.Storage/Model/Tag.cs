namespace Neaspec.Survey.Storage.Model;

/// <summary>A tag (collar, logger) of a study, by its Movebank tag-local-identifier.</summary>
public sealed class Tag
{
    public int Id { get; set; }
    public int StudyId { get; set; }
    public required string LocalIdentifier { get; set; }
}
