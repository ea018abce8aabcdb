namespace Neaspec.Survey.Connectivity;

/// <summary>One fix of a single individual's track, as a small value: what <see cref="StayDetector"/> works on.</summary>
/// <param name="Timestamp">UTC time of the fix.</param>
/// <param name="Longitude">WGS84 longitude in decimal degrees.</param>
/// <param name="Latitude">WGS84 latitude in decimal degrees.</param>
public readonly record struct TrackFix(DateTime Timestamp, double Longitude, double Latitude);
