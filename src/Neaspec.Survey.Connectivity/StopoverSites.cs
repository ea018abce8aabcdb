using NetTopologySuite.Geometries;

namespace Neaspec.Survey.Connectivity;

/// <summary>A site known to the survey (from storage): code, point, optional polygon (lon/lat, WGS84).</summary>
/// <param name="Code">Stable site code.</param>
/// <param name="Longitude">Longitude of the site point.</param>
/// <param name="Latitude">Latitude of the site point.</param>
/// <param name="Country">ISO 3166-1 alpha-2 code.</param>
/// <param name="Area">Site polygon with X = longitude, Y = latitude, or null.</param>
public sealed record KnownSite(string Code, double Longitude, double Latitude, string? Country = null, Geometry? Area = null);

/// <summary>A stopover at a site: a known one, or a candidate made of unassigned stopovers.</summary>
/// <param name="Stopover">The stopover.</param>
/// <param name="SiteCode">Code of the known or candidate site.</param>
/// <param name="IsCandidate">True when the site is a candidate, not (yet) a known site.</param>
public sealed record SiteVisit(Stopover Stopover, string SiteCode, bool IsCandidate);

/// <summary>
/// Stopovers no known site took, clustered: an analyst can look at it and <see cref="Promote"/> it.
/// </summary>
/// <param name="Code">Provisional code, "candidate-1", "candidate-2", … in order of first arrival.</param>
/// <param name="Longitude">Centroid of the stopover centres.</param>
/// <param name="Latitude">Centroid of the stopover centres.</param>
/// <param name="Stopovers">The stopovers of the cluster.</param>
public sealed record CandidateSite(string Code, double Longitude, double Latitude, IReadOnlyList<Stopover> Stopovers)
{
    /// <summary>Number of distinct individuals that stopped here.</summary>
    public int Individuals => Stopovers.Select(s => s.Individual).Distinct(StringComparer.Ordinal).Count();

    /// <summary>The candidate as a known site under a real code.</summary>
    public KnownSite Promote(string code, string? country = null) => new(code, Longitude, Latitude, country);
}

/// <summary>Thresholds of <see cref="StopoverSites.Assign"/>.</summary>
public sealed record SiteAssignmentOptions
{
    /// <summary>A stopover centre this close to a site point belongs to the site (default 10 km).</summary>
    public double MaxDistanceKm { get; init; } = 10;

    /// <summary>Unassigned stopovers closer than this (chained, single linkage) form one candidate (default 20 km).</summary>
    public double ClusterDistanceKm { get; init; } = 20;
}

/// <summary>Result of <see cref="StopoverSites.Assign"/>.</summary>
/// <param name="Visits">Every stopover with its site, known or candidate, in the input order.</param>
/// <param name="Candidates">The candidate sites.</param>
public sealed record SiteAssignment(IReadOnlyList<SiteVisit> Visits, IReadOnlyList<CandidateSite> Candidates);

/// <summary>Puts stopovers at sites.</summary>
public static class StopoverSites
{
    /// <summary>
    /// A stopover belongs to the known site whose polygon holds its centre (the nearest site point when
    /// polygons overlap), else to the nearest site point within <see cref="SiteAssignmentOptions.MaxDistanceKm"/>.
    /// The rest are clustered by single linkage at <see cref="SiteAssignmentOptions.ClusterDistanceKm"/> into
    /// candidate sites.
    /// </summary>
    public static SiteAssignment Assign(IReadOnlyList<Stopover> stopovers, IReadOnlyList<KnownSite> sites, SiteAssignmentOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stopovers);
        ArgumentNullException.ThrowIfNull(sites);
        options ??= new SiteAssignmentOptions();
        var factory = new GeometryFactory();
        var codes = new string?[stopovers.Count];
        var unassigned = new List<int>();
        for (var i = 0; i < stopovers.Count; i++)
        {
            var s = stopovers[i];
            var point = factory.CreatePoint(new Coordinate(s.Longitude, s.Latitude));
            KnownSite? best = null;
            var bestDistance = double.PositiveInfinity;
            var inPolygon = false;
            foreach (var site in sites)
            {
                var d = GreatCircle.DistanceKm(s.Longitude, s.Latitude, site.Longitude, site.Latitude);
                var inside = site.Area is not null && site.Area.Covers(point);
                // A polygon hit beats any point-distance hit; among equals the nearest site point wins.
                if ((inside && (!inPolygon || d < bestDistance)) || (!inside && !inPolygon && d <= options.MaxDistanceKm && d < bestDistance))
                {
                    best = site;
                    bestDistance = d;
                    inPolygon |= inside;
                }
            }
            codes[i] = best?.Code;
            if (best is null)
            {
                unassigned.Add(i);
            }
        }

        var candidates = Cluster(stopovers, unassigned, options.ClusterDistanceKm, codes);
        var visits = stopovers.Select((s, i) => new SiteVisit(s, codes[i]!, candidates.Any(c => c.Code == codes[i]))).ToArray();
        return new SiteAssignment(visits, candidates);
    }

    private static List<CandidateSite> Cluster(IReadOnlyList<Stopover> stopovers, List<int> members, double distanceKm, string?[] codes)
    {
        var parent = members.ToDictionary(i => i, i => i);
        int Find(int x)
        {
            while (parent[x] != x)
            {
                x = parent[x] = parent[parent[x]];
            }
            return x;
        }
        for (var x = 0; x < members.Count; x++)
        {
            for (var y = x + 1; y < members.Count; y++)
            {
                var a = stopovers[members[x]];
                var b = stopovers[members[y]];
                if (GreatCircle.DistanceKm(a.Longitude, a.Latitude, b.Longitude, b.Latitude) <= distanceKm)
                {
                    parent[Find(members[x])] = Find(members[y]);
                }
            }
        }
        var groups = members.GroupBy(Find)
            .Select(g => g.ToList())
            .OrderBy(g => g.Min(i => stopovers[i].Arrival))
            .ToList();
        var candidates = new List<CandidateSite>();
        foreach (var group in groups)
        {
            var sum = group.Select(i => StopoverDetector.UnitVector(stopovers[i].Longitude, stopovers[i].Latitude))
                .Aggregate((p, q) => p + q);
            var (lon, lat) = sum.Normalised().ToLonLat();
            var code = $"candidate-{candidates.Count + 1}";
            foreach (var i in group)
            {
                codes[i] = code;
            }
            candidates.Add(new CandidateSite(code, lon, lat, group.Select(i => stopovers[i]).ToArray()));
        }
        return candidates;
    }
}
