using Neaspec.Survey.Connectivity;

namespace Neaspec.Survey.Report.Migratory;

/// <summary>Puts sites into regions: each site its own, the sites of a country together, or clusters of sites within
/// a distance (single linkage, as the report's candidate sites are clustered).</summary>
internal sealed class RegionMap(MigratoryRequest request, IReadOnlyDictionary<string, ReportSite> sites)
{
    /// <summary>Most sites written into a cluster's id; a larger cluster's id ends "+N more".</summary>
    private const int NamedMembers = 3;

    /// <summary>The region of each of <paramref name="codes"/> (duplicates allowed).</summary>
    public IReadOnlyDictionary<string, string> Regions(IEnumerable<string> codes)
    {
        var distinct = codes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        return request.Regions switch
        {
            RegionGrouping.Country => distinct.ToDictionary(c => c, c => sites[c].Country, StringComparer.Ordinal),
            RegionGrouping.Cluster => Clusters(distinct, request.RegionDistanceKm!.Value),
            _ => distinct.ToDictionary(c => c, c => c, StringComparer.Ordinal),
        };
    }

    private Dictionary<string, string> Clusters(string[] codes, double km)
    {
        var parent = Enumerable.Range(0, codes.Length).ToArray();
        int Find(int x)
        {
            while (parent[x] != x)
            {
                x = parent[x] = parent[parent[x]];
            }
            return x;
        }
        for (var a = 0; a < codes.Length; a++)
        {
            for (var b = a + 1; b < codes.Length; b++)
            {
                var (x, y) = (sites[codes[a]], sites[codes[b]]);
                if (GreatCircle.DistanceKm(x.Longitude, x.Latitude, y.Longitude, y.Latitude) <= km)
                {
                    parent[Find(a)] = Find(b);
                }
            }
        }
        var regions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in Enumerable.Range(0, codes.Length).GroupBy(Find))
        {
            var members = group.Select(i => codes[i]).Order(StringComparer.Ordinal).ToArray();
            var id = members.Length <= NamedMembers
                ? string.Join("+", members)
                : $"{string.Join("+", members.Take(NamedMembers))}+{members.Length - NamedMembers} more";
            foreach (var member in members)
            {
                regions[member] = id;
            }
        }
        return regions;
    }
}
