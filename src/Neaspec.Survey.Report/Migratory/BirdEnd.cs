namespace Neaspec.Survey.Report.Migratory;

/// <summary>Where a tracked bird was in one season: the region it spent the most time in, the site of that region it
/// spent the most time at, and the centre of its longest stay there (its point for the Mantel rM).</summary>
/// <param name="Region">Region id.</param>
/// <param name="Site">Site code (known or candidate).</param>
/// <param name="Longitude">Centre of the longest stay at the site.</param>
/// <param name="Latitude">Centre of the longest stay at the site.</param>
/// <param name="Days">Days the bird's stays in the region overlap the season window.</param>
public sealed record BirdEnd(string Region, string Site, double Longitude, double Latitude, double Days);
