using Npgsql;

namespace Neaspec.Survey.Ingestion.Import;

/// <summary>A file the ledger has claimed for one load, as its importer sees it.</summary>
/// <param name="File">The bytes to load.</param>
/// <param name="ImportId">The ledger entry the stored rows point to (<c>import_id</c>).</param>
/// <param name="Connection">The claim's connection, with the load's transaction open on it: everything the
/// importer writes there commits, or rolls back, together with the ledger's final word.</param>
/// <param name="Progress">Where to report progress, or null.</param>
public sealed record ClaimedFile(ImportFile File, long ImportId, NpgsqlConnection Connection, IProgress<ImportProgress>? Progress);
