namespace Neaspec.Survey.Connectivity.Migratory;

/// <summary>One tracked animal with its origin and target region (indices into the regions of a run) and, when
/// known, where exactly it was in each season (for the Mantel rM).</summary>
/// <param name="Id">The animal's id.</param>
/// <param name="Origin">Origin region index.</param>
/// <param name="Target">Target region index.</param>
/// <param name="OriginPoint">Its origin location (WGS84), or null.</param>
/// <param name="TargetPoint">Its target location (WGS84), or null.</param>
public sealed record MigrantIndividual(string Id, int Origin, int Target,
    (double Longitude, double Latitude)? OriginPoint = null, (double Longitude, double Latitude)? TargetPoint = null);
