namespace Neaspec.Survey.Portal.Uploads;

/// <summary>One file received through the portal: who sent it, what it was, where its bytes are kept, and
/// what became of it. Files that reached an importer point at their ledger entry (<see cref="ImportId"/>).</summary>
public sealed class Upload
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public required string UserEmail { get; set; }
    /// <summary>The uploader's team at upload time: who may see this upload.</summary>
    public string? Team { get; set; }
    /// <summary>The file name as sent, made safe (no folders, no control characters); shown, never used as a path.</summary>
    public required string OriginalName { get; set; }
    public required string Sha256 { get; set; }
    public long SizeBytes { get; set; }
    /// <summary><see cref="UploadKinds"/>.</summary>
    public required string Kind { get; set; }
    /// <summary>The kept file, relative to the storage folder: <c>uploads/ab/abcdef….csv</c> (SHA-256).</summary>
    public required string StoredPath { get; set; }
    public DateTime UploadedAt { get; set; }
    public long? ImportId { get; set; }
    /// <summary>A ledger status, or <see cref="UploadStatus.NotAvailable"/>.</summary>
    public required string Status { get; set; }
    public required string Message { get; set; }
    public long RowsRead { get; set; }
    public long RowsAccepted { get; set; }
    public long RowsRejected { get; set; }
    /// <summary>The error report, relative to the storage folder.</summary>
    public string? ErrorReportPath { get; set; }
}
