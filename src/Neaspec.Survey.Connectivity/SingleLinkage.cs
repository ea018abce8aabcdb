namespace Neaspec.Survey.Connectivity;

/// <summary>
/// Single-linkage clustering of points on the sphere at a distance: two points closer than the distance (great-circle
/// km) are in one cluster, and so, in a chain, are their neighbours' neighbours. Used for candidate sites
/// (<see cref="StaySites"/>) and for the cluster regions of migratory connectivity. O(n^2) distances, union-find.
/// </summary>
public static class SingleLinkage
{
    /// <summary>The clusters of <paramref name="points"/>, as lists of their indices (ascending); clusters in the order
    /// of their first point.</summary>
    public static IReadOnlyList<IReadOnlyList<int>> Clusters(IReadOnlyList<(double Lon, double Lat)> points, double distanceKm)
    {
        ArgumentNullException.ThrowIfNull(points);
        var parent = Enumerable.Range(0, points.Count).ToArray();
        int Find(int x)
        {
            while (parent[x] != x)
            {
                x = parent[x] = parent[parent[x]];
            }
            return x;
        }
        for (var a = 0; a < points.Count; a++)
        {
            for (var b = a + 1; b < points.Count; b++)
            {
                if (GreatCircle.DistanceKm(points[a].Lon, points[a].Lat, points[b].Lon, points[b].Lat) <= distanceKm)
                {
                    parent[Find(a)] = Find(b);
                }
            }
        }
        return Enumerable.Range(0, points.Count).GroupBy(Find).Select(g => (IReadOnlyList<int>)g.ToArray()).ToArray();
    }
}
