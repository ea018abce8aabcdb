using Neaspec.Survey.Storage.Model;

namespace Neaspec.Survey.Ingestion.Import;

/// <summary>The kind of a file, in words a person can act on (for <see cref="FileKind.Unknown"/>: why no
/// importer takes it).</summary>
/// <param name="Kind">What the file holds.</param>
/// <param name="Description">"count survey", "Movebank tracks (gzip)", or the reason it is not taken.</param>
/// <param name="IsPlainText">The file is uncompressed text and its first line was read as a header — whether
/// or not an importer recognised it. False for gzip, binary files, workbooks, PDF and empty files.</param>
public sealed record DetectedFile(FileKind Kind, string Description, bool IsPlainText)
{
    /// <summary>The ledger's word for the kind (<see cref="ImportKind"/>, or "unknown").</summary>
    public string LedgerKind => Kind switch
    {
        FileKind.Counts => ImportKind.Counts,
        FileKind.Sites => ImportKind.Sites,
        FileKind.Tracks => ImportKind.Tracks,
        FileKind.Reference => ImportKind.Reference,
        FileKind.Species => ImportKind.Species,
        _ => "unknown",
    };
}
