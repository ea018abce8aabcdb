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

/// <summary>Ledger status values.</summary>
public static class ImportStatus
{
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    /// <summary>Good rows loaded, bad rows rejected (only with --accept-partial).</summary>
    public const string Partial = "partial";
    /// <summary>Bad input: nothing stored.</summary>
    public const string Rejected = "rejected";
    /// <summary>The load broke (database, I/O): nothing stored; a rerun may succeed.</summary>
    public const string Failed = "failed";
    /// <summary>The same bytes were imported before; nothing to do.</summary>
    public const string Unchanged = "unchanged";
}

/// <summary>Ledger kinds.</summary>
public static class ImportKind
{
    public const string Counts = "counts";
    public const string Sites = "sites";
    public const string Tracks = "tracks";
    public const string Reference = "reference";
}

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
