namespace Neaspec.Survey.Connectivity;

/// <summary>One GPS location of a tracked individual.</summary>
/// <param name="Individual">Individual (animal) id.</param>
/// <param name="Timestamp">UTC time of the fix.</param>
/// <param name="Longitude">WGS84 longitude in decimal degrees.</param>
/// <param name="Latitude">WGS84 latitude in decimal degrees.</param>
/// <param name="Outlier">Flagged as an outlier (manually or by the import); such fixes are ignored.</param>
public sealed record Fix(string Individual, DateTime Timestamp, double Longitude, double Latitude, bool Outlier = false);
