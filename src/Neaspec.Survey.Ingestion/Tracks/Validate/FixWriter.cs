namespace Neaspec.Survey.Ingestion.Tracks.Validate;

/// <summary>Takes a validated fix (its keys numbered in <see cref="TrackInput.Keys"/>) to where it is stored.</summary>
public delegate void FixWriter(ref TrackRow row);
