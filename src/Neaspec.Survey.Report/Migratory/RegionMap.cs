using Neaspec.Survey.Connectivity;

namespace Neaspec.Survey.Report.Migratory;

/// <summary>Puts sites into regions: each site its own, the sites of a country together, or clusters of sites within
/// a distance (<see cref="SingleLinkage"/>, as the report's candidate sites are clustered).</summary>
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
        var regions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var group in SingleLinkage.Clusters(codes.Select(c => (sites[c].Longitude, sites[c].Latitude)).ToArray(), km))
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
