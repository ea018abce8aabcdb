namespace Neaspec.Survey.Storage.Model;

/// <summary>A row-level error of an import, kept with its ledger entry.</summary>
public sealed class ImportError
{
    public long Id { get; set; }
    public long ImportId { get; set; }
    public long Line { get; set; }
    public string? Column { get; set; }
    public string? Value { get; set; }
    public required string Reason { get; set; }
}
