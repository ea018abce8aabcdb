namespace Neaspec.Survey.Storage.Model;

/// <summary>Species x survey -> individuals. <see cref="Individuals"/> is null when the species was not
/// counted (the reason is kept); 0 is a real zero.</summary>
public sealed class SpeciesCount
{
    public long SurveyId { get; set; }
    public required string SpeciesName { get; set; }
    public int? Individuals { get; set; }
    public string? CountType { get; set; }
    public string? NotCountedReason { get; set; }
    public string? Notes { get; set; }
    /// <summary>The ledger entry (file) this count came from.</summary>
    public long ImportId { get; set; }
    public int SourceLine { get; set; }
}
