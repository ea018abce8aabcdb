using Neaspec.Survey.Ingestion.Ledger;
using Neaspec.Survey.Storage.Model;

namespace Neaspec.Survey.Ingestion.Import;

/// <summary>What one import of one file came to: the same shape for every kind of file and every caller,
/// and what the ledger keeps of it (<c>imports</c> and <c>import_errors</c>). <see cref="Message"/> names
/// the file and what happened in plain words, never a command-line flag: each caller words the ways out
/// (<see cref="Remedies"/>) its own way.</summary>
public sealed record ImportOutcome
{
    /// <summary>An <see cref="ImportStatus"/> value: succeeded, partial, rejected, failed, unchanged (the
    /// same bytes were imported before) or running (another loader has them right now).</summary>
    public required string Status { get; init; }

    /// <summary>The ledger entry: this attempt's, or for unchanged and running the entry that holds the bytes.</summary>
    public long? ImportId { get; init; }

    /// <summary>The file's name as it came (shown, recorded; never a path).</summary>
    public string FileName { get; init; } = "";

    public required string Message { get; init; }

    public long RowsRead { get; init; }

    /// <summary>Rows stored: counts, sites, or fixes.</summary>
    public long RowsAccepted { get; init; }

    public long RowsRejected { get; init; }

    /// <summary>Rows not stored because the same record is stored already (or earlier in the file).</summary>
    public long Duplicates { get; init; }

    /// <summary>Rows stored with a quality flag.</summary>
    public long Flagged { get; init; }

    /// <summary>The row errors kept (the first thousands; <see cref="ErrorCount"/> counts them all).</summary>
    public IReadOnlyList<RowError> Errors { get; init; } = [];

    public long ErrorCount { get; init; }

    /// <summary>The error report (CSV: file, line, column, value, reason) written for a rejected or partial
    /// import, or null.</summary>
    public string? ErrorReportPath { get; init; }

    /// <summary>What the person who sent the file could do about a rejection.</summary>
    public ImportRemedy Remedies { get; init; }

    /// <summary>What only one kind of file has to say (<see cref="Counts.CountImportDetails"/>,
    /// <see cref="Sites.SiteImportDetails"/>, <see cref="Tracks.TrackImportDetails"/>).</summary>
    public ImportDetails? Details { get; init; }

    /// <summary>Wall time of each stage of the load, in order.</summary>
    public IReadOnlyList<StageTiming> Timings { get; init; } = [];

    public TimeSpan Elapsed { get; init; }

    /// <summary>For status failed: the database or I/O fault that broke the load (nothing was stored). A
    /// caller that retries such faults (the worker) looks at it.</summary>
    public Exception? Failure { get; init; }

    /// <summary>Rows of this file are stored (succeeded or partial).</summary>
    public bool Loaded => Status is ImportStatus.Succeeded or ImportStatus.Partial;
}
