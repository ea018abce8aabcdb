namespace Neaspec.Survey.Storage.Model;

/// <summary>A Movebank study: the namespace of its tags, individuals and event ids.</summary>
public sealed class Study
{
    public int Id { get; set; }
    public required string Name { get; set; }
}
