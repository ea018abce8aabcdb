using NetTopologySuite.Geometries;

namespace Neaspec.Survey.Report;

/// <summary>A site as the report shows it: code, names in the six languages, country, point and polygon.</summary>
/// <param name="Code">Stable site code.</param>
/// <param name="Names">Names by language (en, ko, zh, ja, ru, mn); English is always there.</param>
/// <param name="Country">ISO 3166-1 alpha-2.</param>
/// <param name="Longitude">WGS84 longitude.</param>
/// <param name="Latitude">WGS84 latitude.</param>
/// <param name="Area">The site polygon (lon/lat), or null; stays are assigned by it first.</param>
/// <param name="IsCandidate">True for an unnamed candidate site made of tracked birds' stays at no known site.</param>
/// <param name="IsProvisional">True for a site a count file created from an unknown code, not yet confirmed.</param>
public sealed record ReportSite(string Code, IReadOnlyDictionary<string, string> Names, string Country, double Longitude, double Latitude,
    Geometry? Area = null, bool IsCandidate = false, bool IsProvisional = false)
{
    /// <summary>The name in <paramref name="language"/>, or the English name when that one is missing.</summary>
    public string Name(string language) =>
        Names.TryGetValue(language, out var name) && !string.IsNullOrWhiteSpace(name) ? name : Names["en"];
}
