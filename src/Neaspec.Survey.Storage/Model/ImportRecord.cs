namespace Neaspec.Survey.Storage.Model;

/// <summary>One row of the import ledger: one file, one attempt.</summary>
public sealed class ImportRecord
{
    public long Id { get; set; }
    /// <summary>Lower-case hex SHA-256 of the file's bytes.</summary>
    public required string Sha256 { get; set; }
    public required string Kind { get; set; }
    public required string OriginalName { get; set; }
    public string? ImportedBy { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public required string Status { get; set; }
    public long RowsRead { get; set; }
    public long RowsAccepted { get; set; }
    public long RowsRejected { get; set; }
    public long Duplicates { get; set; }
    public long Flagged { get; set; }
    public string? Message { get; set; }
    public string? ErrorReportPath { get; set; }
    public long? RunId { get; set; }
}
