namespace Neaspec.Survey.Ingestion.Import;

/// <summary>The bytes one import reads, as the ledger knows them.</summary>
/// <param name="Path">Where the import reads the bytes.</param>
/// <param name="Name">The file's name as it came (messages, error reports, the ledger's original_name).</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the bytes: the file's identity in the ledger.</param>
/// <param name="Length">Size in bytes.</param>
public sealed record ImportFile(string Path, string Name, string Sha256, long Length);
