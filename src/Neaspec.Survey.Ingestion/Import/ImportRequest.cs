namespace Neaspec.Survey.Ingestion.Import;

/// <summary>A caller's request to import one file (the kind's settings go to its importer).</summary>
/// <param name="Path">The file to import.</param>
public sealed record ImportRequest(string Path)
{
    /// <summary>The name the file came with (an upload's name as sent); default: the path's file name.</summary>
    public string? Name { get; init; }

    /// <summary>Who imports it, for the ledger: a user name, an e-mail, <c>worker@host</c>.</summary>
    public string? ImportedBy { get; init; }

    /// <summary>Where the error report goes; default: beside the file.</summary>
    public string? ReportDirectory { get; init; }

    /// <summary>A private folder for the snapshot the import hashes and loads (created mode 700 when
    /// missing); default: a new private temporary folder, removed afterwards.</summary>
    public string? StagingDirectory { get; init; }

    /// <summary>When another process is loading the same bytes right now, wait for it to finish and answer
    /// as it ended (<c>unchanged</c> when it loaded them) instead of answering <c>running</c> at once. The
    /// portal waits: an upload's page must end with the file's fate.</summary>
    public bool WaitForRunning { get; init; }

    /// <summary>Validate bytes again that the ledger rejected before (default). The worker says no: a file
    /// it refused stays refused until its bytes change, so one waiting in the inbox is not validated (and
    /// recorded) again on every run.</summary>
    public bool RecheckRejected { get; init; } = true;

    public IProgress<ImportProgress>? Progress { get; init; }
}
