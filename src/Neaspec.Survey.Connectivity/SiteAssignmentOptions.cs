namespace Neaspec.Survey.Connectivity;

/// <summary>Thresholds of <see cref="StaySites.Assign"/>.</summary>
public sealed record SiteAssignmentOptions
{
    /// <summary>A stay centre this close to a site point belongs to the site when no polygon holds the stay
    /// (default 10 km).</summary>
    public double MaxDistanceKm { get; init; } = 10;

    /// <summary>Stays at no known site whose centres are closer than this (chained, single linkage) form one candidate
    /// site (default 20 km).</summary>
    public double ClusterDistanceKm { get; init; } = 20;
}
