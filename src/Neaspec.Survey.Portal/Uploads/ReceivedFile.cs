namespace Neaspec.Survey.Portal.Uploads;

/// <summary>A file received and written to the storage folder, not yet imported.</summary>
public sealed record ReceivedFile(string Folder, string Path, string SafeName, string Sha256, long SizeBytes);
