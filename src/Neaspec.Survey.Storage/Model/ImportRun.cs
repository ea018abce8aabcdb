namespace Neaspec.Survey.Storage.Model;

/// <summary>One run of the import worker over its inbox: what it saw, loaded and turned away. The imports
/// of a run point to it through <see cref="ImportRecord.RunId"/>.</summary>
public sealed class ImportRun
{
    public long Id { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    /// <summary>The machine the worker ran on.</summary>
    public required string Host { get; set; }
    public required string Status { get; set; }
    /// <summary>Files taken from the inbox in this run (loaded, unchanged, rejected or failed).</summary>
    public int Files { get; set; }
    public int FilesLoaded { get; set; }
    public int FilesRejected { get; set; }
    /// <summary>Files left in the inbox for the next run (still being written, no importer, database down).</summary>
    public int FilesLeft { get; set; }
    public long Rows { get; set; }
    public long Rejects { get; set; }
    public double DurationSeconds { get; set; }
    public string? Message { get; set; }
}
