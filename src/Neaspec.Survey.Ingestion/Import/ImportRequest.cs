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

    public IProgress<ImportProgress>? Progress { get; init; }
}
