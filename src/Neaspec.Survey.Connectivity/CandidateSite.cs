namespace Neaspec.Survey.Connectivity;

/// <summary>
/// Stays no known site took, clustered: an unnamed site with a location. It is a node of the telemetry network (an
/// unknown stepping stone shows in dPCconnector); an analyst can look at it and <see cref="Promote"/> it.
/// </summary>
/// <param name="Code">Provisional code, "candidate-1", "candidate-2", … in order of first arrival, so the same input
/// gives the same codes.</param>
/// <param name="Longitude">Spherical centroid of the stay centres.</param>
/// <param name="Latitude">Spherical centroid of the stay centres.</param>
/// <param name="Stays">The stays of the cluster.</param>
public sealed record CandidateSite(string Code, double Longitude, double Latitude, IReadOnlyList<Stay> Stays)
{
    /// <summary>Number of distinct individuals that stayed here.</summary>
    public int Individuals => Stays.Select(s => s.Individual).Distinct(StringComparer.Ordinal).Count();

    /// <summary>The candidate as a known site under a real code.</summary>
    public KnownSite Promote(string code, string? country = null) => new(code, Longitude, Latitude, country);
}
