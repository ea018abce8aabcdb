namespace Neaspec.Survey.Ingestion.Import;

/// <summary>Loads one kind of file once <see cref="ClaimedImport"/> has hashed and claimed it. Counts, sites
/// and tracks each implement it; the claim, the transaction, the ledger and the error report are the
/// claimed import's, the same for every kind.</summary>
public interface IFileImporter
{
    /// <summary>The ledger's kind of the files this importer loads (<see cref="Storage.Model.ImportKind"/>).</summary>
    string Kind { get; }

    /// <summary>Reads, validates and stores <paramref name="claimed"/>'s file on its connection, inside the
    /// transaction that is open there (never committing or rolling back itself). Returns a succeeded or
    /// partial outcome to keep what it stored, a rejected one (errors, message, remedies) to have all of
    /// it rolled back. Throws when the database or the disk fails.</summary>
    Task<ImportOutcome> LoadAsync(ClaimedFile claimed, CancellationToken cancellationToken);
}
