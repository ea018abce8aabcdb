namespace Neaspec.Survey.Connectivity;

/// <summary>A site as a node of a <see cref="SiteNetwork"/>.</summary>
/// <param name="Id">Stable site code.</param>
/// <param name="Longitude">WGS84 longitude in decimal degrees.</param>
/// <param name="Latitude">WGS84 latitude in decimal degrees.</param>
/// <param name="Weight">The node attribute a_i (peak count, tracked individuals, area, or 1); must be &gt;= 0.</param>
/// <param name="Country">ISO 3166-1 alpha-2 country code, when known.</param>
public sealed record SiteNode(string Id, double Longitude, double Latitude, double Weight, string? Country = null);
