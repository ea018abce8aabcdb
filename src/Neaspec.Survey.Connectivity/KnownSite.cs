using NetTopologySuite.Geometries;

namespace Neaspec.Survey.Connectivity;

/// <summary>A site known to the survey (from storage): code, point, optional polygon (lon/lat, WGS84).</summary>
/// <param name="Code">Stable site code.</param>
/// <param name="Longitude">Longitude of the site point.</param>
/// <param name="Latitude">Latitude of the site point.</param>
/// <param name="Country">ISO 3166-1 alpha-2 code.</param>
/// <param name="Area">Site polygon with X = longitude, Y = latitude, or null.</param>
public sealed record KnownSite(string Code, double Longitude, double Latitude, string? Country = null, Geometry? Area = null);
