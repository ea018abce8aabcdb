namespace Neaspec.Survey.Report.Migratory;

/// <summary>An origin or target region of the MC run.</summary>
/// <param name="Id">Region id: the site code, the country code, or for a cluster its site codes joined by '+'.</param>
/// <param name="Sites">The sites it is made of that the run used (birds' sites, and on the origin side counted sites).</param>
/// <param name="Longitude">Centre: spherical centroid of the sites' points.</param>
/// <param name="Latitude">Centre latitude.</param>
/// <param name="Abundance">Origin abundance (sum of its sites' peak counts, or given by hand); null on the target side
/// and where unknown.</param>
/// <param name="Birds">Birds used with an end here.</param>
public sealed record MigrationRegion(string Id, IReadOnlyList<string> Sites, double Longitude, double Latitude, double? Abundance, int Birds);
