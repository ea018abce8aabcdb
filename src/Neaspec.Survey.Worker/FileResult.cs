namespace Neaspec.Survey.Worker;

/// <summary>What happened to one file in a run.</summary>
public sealed record FileResult(string Name, string Kind, string Status, string Message)
{
    /// <summary>Where the file is now (processed/, quarantine/ or still the inbox).</summary>
    public string? Destination { get; init; }
}
