namespace Neaspec.Survey.Ingestion.Import;

/// <summary>Where a load is, for a progress bar: rows read, bytes read of the file (compressed bytes for
/// gzip) and the stage ("reading", "merging").</summary>
public readonly record struct ImportProgress(long Rows, long Bytes, long TotalBytes, string Stage);
