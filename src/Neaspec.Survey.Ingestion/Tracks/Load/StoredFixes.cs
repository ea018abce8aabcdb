namespace Neaspec.Survey.Ingestion.Tracks.Load;

/// <summary>What a route stored: the database ids of the file's individuals, the fixes stored, and of them
/// those with any flag and with the speed flag.</summary>
internal sealed record StoredFixes(int[] IndividualIds, long Stored, long Flagged, long SpeedFlagged);
