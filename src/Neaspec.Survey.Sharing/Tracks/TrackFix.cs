namespace Neaspec.Survey.Sharing.Tracks;

/// <summary>One stored fix as the exports read it back.</summary>
internal sealed record TrackFix(DateTime ObservedAt, double Longitude, double Latitude, long? EventId, bool Visible, bool MarkedOutlier,
    bool SpeedOutlier, float? Hdop, short? SatelliteCount, string? Tag, string? Attributes)
{
    /// <summary>No quality flag: what the track views and analyses use.</summary>
    public bool IsGood => Visible && !MarkedOutlier && !SpeedOutlier;
}
