namespace Neaspec.Survey.Ingestion.Tracks.Validate;

/// <summary>One parsed fix; keys are indexes into the reader's <see cref="TrackKeys"/>.</summary>
public struct TrackRow
{
    public long Line;
    public int Individual;
    public int Tag;
    public long? EventId;
    public DateTime ObservedAt;
    public double Longitude;
    public double Latitude;
    public bool Visible;
    public bool MarkedOutlier;
    public float? Hdop;
    public short? SatelliteCount;
    /// <summary>The values of <see cref="Read.MovebankHeader.MeasureNames"/>, in that order.</summary>
    public float? GroundSpeed;
    public float? Heading;
    public float? HeightAboveEllipsoid;
    public float? ExternalTemperature;
    /// <summary>The file's other non-empty columns as a JSON object (UTF-8), or null.</summary>
    public byte[]? Attributes;
}
