using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;

namespace Neaspec.Survey.Connectivity;

/// <summary>Puts stays at sites: polygon, else point within a distance, else a candidate site.</summary>
public static class StaySites
{
    /// <summary>
    /// A stay belongs to the known site whose polygon holds more than half of the stay's fixes (excursion fixes
    /// included; the largest share wins, then the nearest site point). Otherwise to the nearest site point within
    /// <see cref="SiteAssignmentOptions.MaxDistanceKm"/> of the stay's centre. The rest are clustered by single linkage
    /// of their centres at <see cref="SiteAssignmentOptions.ClusterDistanceKm"/> into candidate sites.
    /// </summary>
    public static SiteAssignment Assign(IReadOnlyList<Stay> stays, IReadOnlyList<KnownSite> sites, SiteAssignmentOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(stays);
        ArgumentNullException.ThrowIfNull(sites);
        options ??= new SiteAssignmentOptions();
        var polygons = sites
            .Where(s => s.Area is { IsEmpty: false })
            .Select(s => (Site: s, Envelope: s.Area!.EnvelopeInternal, Locator: new IndexedPointInAreaLocator(s.Area)))
            .ToArray();
        var codes = new string?[stays.Count];
        var unassigned = new List<int>();
        for (var i = 0; i < stays.Count; i++)
        {
            var stay = stays[i];
            var site = ByPolygon(stay, polygons) ?? ByDistance(stay, sites, options.MaxDistanceKm);
            codes[i] = site?.Code;
            if (site is null)
            {
                unassigned.Add(i);
            }
        }
        var candidates = Cluster(stays, unassigned, options.ClusterDistanceKm, codes);
        var candidateCodes = candidates.Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
        var visits = stays.Select((s, i) => new SiteVisit(s, codes[i]!, candidateCodes.Contains(codes[i]!))).ToArray();
        return new SiteAssignment(visits, candidates);
    }

    private static KnownSite? ByPolygon(Stay stay, (KnownSite Site, Envelope Envelope, IndexedPointInAreaLocator Locator)[] polygons)
    {
        KnownSite? best = null;
        var bestShare = 0.5; // more than half
        var bestDistance = double.PositiveInfinity;
        var extent = new Envelope();
        foreach (var fix in stay.Fixes)
        {
            extent.ExpandToInclude(fix.Longitude, fix.Latitude);
        }
        foreach (var (site, envelope, locator) in polygons)
        {
            if (!envelope.Intersects(extent))
            {
                continue; // no fix of the stay can be inside: skip the per-fix tests
            }
            var inside = 0;
            foreach (var fix in stay.Fixes)
            {
                if (envelope.Covers(fix.Longitude, fix.Latitude)
                    && locator.Locate(new Coordinate(fix.Longitude, fix.Latitude)) != Location.Exterior)
                {
                    inside++;
                }
            }
            var share = stay.Fixes.Count == 0 ? 0 : (double)inside / stay.Fixes.Count;
            var distance = GreatCircle.DistanceKm(stay.Longitude, stay.Latitude, site.Longitude, site.Latitude);
            if (share > bestShare || (share == bestShare && best is not null && distance < bestDistance))
            {
                best = site;
                bestShare = share;
                bestDistance = distance;
            }
        }
        return best;
    }

    private static KnownSite? ByDistance(Stay stay, IReadOnlyList<KnownSite> sites, double maxDistanceKm)
    {
        KnownSite? best = null;
        var bestDistance = double.PositiveInfinity;
        foreach (var site in sites)
        {
            var d = GreatCircle.DistanceKm(stay.Longitude, stay.Latitude, site.Longitude, site.Latitude);
            if (d <= maxDistanceKm && d < bestDistance)
            {
                best = site;
                bestDistance = d;
            }
        }
        return best;
    }

    private static List<CandidateSite> Cluster(IReadOnlyList<Stay> stays, List<int> members, double distanceKm, string?[] codes)
    {
        var groups = SingleLinkage.Clusters(members.Select(i => (stays[i].Longitude, stays[i].Latitude)).ToArray(), distanceKm)
            .Select(g => g.Select(k => members[k]).ToList())
            .OrderBy(g => g.Min(i => stays[i].Arrival))
            .ThenBy(g => g.Min(i => stays[i].Individual), StringComparer.Ordinal)
            .ToList();
        var candidates = new List<CandidateSite>();
        foreach (var group in groups)
        {
            var (lon, lat) = SphereVector.Centroid(group.Select(i => (stays[i].Longitude, stays[i].Latitude)));
            var code = $"candidate-{candidates.Count + 1}";
            foreach (var i in group)
            {
                codes[i] = code;
            }
            candidates.Add(new CandidateSite(code, lon, lat, group.Select(i => stays[i]).ToArray()));
        }
        return candidates;
    }
}
