namespace Neaspec.Survey.Storage.Names;

/// <summary>A catalogue name close to one that was not found: the name as a writer would type it, and the species
/// it resolves to.</summary>
public sealed record NameSuggestion(string Name, string ScientificName, int Distance)
{
    /// <summary>"黑面琵鹭 (Platalea minor)", or the scientific name alone when that is the name.</summary>
    public override string ToString() =>
        string.Equals(Name, ScientificName, StringComparison.Ordinal) ? Name : $"{Name} ({ScientificName})";
}
