using Npgsql;

namespace Neaspec.Survey.Ingestion.Import;

/// <summary>A file the ledger has claimed for one load, as its importer sees it.</summary>
/// <param name="File">The bytes to load: the import's private snapshot, never the original.</param>
/// <param name="ImportId">The ledger entry the stored rows point to (<c>import_id</c>).</param>
/// <param name="Connection">The claim's connection, with the load's transaction open on it: everything the
/// importer writes there commits, or rolls back, together with the ledger's final word.</param>
/// <param name="Progress">Where to report progress, or null.</param>
public sealed record ClaimedFile(ImportFile File, long ImportId, NpgsqlConnection Connection, IProgress<ImportProgress>? Progress)
{
    /// <summary>The limits the importer's readers enforce while streaming (<see cref="LimitedInput"/>,
    /// <see cref="CsvRecordCheck"/>).</summary>
    public ImportLimits Limits { get; init; } = ImportLimits.Default;

    /// <summary>The survey dates and fix times taken as plausible.</summary>
    public DateWindow Dates { get; init; } = DateWindow.Default;

    /// <summary>The file's text, limits enforced as it streams; gzip decompressed when <paramref name="gunzip"/>.</summary>
    public LimitedInput OpenText(bool gunzip = false) => LimitedInput.Open(File.Path, Limits, gunzip);
}
