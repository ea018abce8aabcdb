namespace Neaspec.Survey.Sharing.Archive;

/// <summary>What an archive holds: its core and extension rows, how many were generalised, and its coverage.</summary>
/// <param name="CoreRows">Events (counts archive) or occurrences (tracks archive).</param>
/// <param name="ExtensionRows">Occurrences of the events (0 for the tracks archive).</param>
/// <param name="Present">Occurrences with status present.</param>
/// <param name="Absent">Occurrences with status absent (a real zero count).</param>
/// <param name="Generalised">Core rows whose location was generalised.</param>
/// <param name="Coverage">Places, dates and taxa, for the EML.</param>
public sealed record ArchiveResult(long CoreRows, long ExtensionRows, long Present, long Absent, long Generalised, Coverage Coverage);
