namespace Neaspec.Survey.Ingestion.Tracks.Validate;

/// <summary>What one data row of a tracks file is.</summary>
public enum TrackRowKind
{
    /// <summary>A location: stored as a fix (unless it duplicates one).</summary>
    Fix,
    /// <summary>A location sensor's row without coordinates (the tag found no fix).</summary>
    NoFix,
    /// <summary>A row of a sensor that gives no location (accelerometer, ...).</summary>
    NonLocation,
    /// <summary>A fix of a tag while no animal wore it (Movebank's undeployed data): no individual named,
    /// no deployment covering its time.</summary>
    NoIndividual,
    /// <summary>A bad row: its errors were added to the error list.</summary>
    Error,
}
