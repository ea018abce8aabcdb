namespace Neaspec.Survey.Ingestion.Tracks.Load;

/// <summary>What a route stored: the database ids of the file's individuals, the fixes stored, of them those with
/// any flag and with the speed flag, and the times whose lines changed (null: read them from the import's fixes).</summary>
internal sealed record StoredFixes(int[] IndividualIds, long Stored, long Flagged, long SpeedFlagged, LineSpans? Spans = null);
