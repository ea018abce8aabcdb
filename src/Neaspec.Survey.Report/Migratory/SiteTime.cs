using Neaspec.Survey.Connectivity;

namespace Neaspec.Survey.Report.Migratory;

/// <summary>How long one bird's stays at each site overlap one season window, and the longest stay at each site.</summary>
internal sealed record SiteTime(double Days, DateTime FirstArrival, Stay Longest)
{
    /// <summary>Per site: the days the bird's stays there overlap <paramref name="window"/>.</summary>
    public static Dictionary<string, SiteTime> Of(IEnumerable<SiteVisit> visits, SeasonWindow window)
    {
        var times = new Dictionary<string, SiteTime>(StringComparer.Ordinal);
        foreach (var v in visits.Where(v => v.Stay.Arrival < window.End && v.Stay.Departure >= window.Start))
        {
            var from = v.Stay.Arrival > window.Start ? v.Stay.Arrival : window.Start;
            var to = v.Stay.Departure < window.End ? v.Stay.Departure : window.End;
            var days = Math.Max(0, (to - from).TotalDays);
            times[v.SiteCode] = times.TryGetValue(v.SiteCode, out var t)
                ? new SiteTime(t.Days + days, t.FirstArrival < v.Stay.Arrival ? t.FirstArrival : v.Stay.Arrival,
                    t.Longest.Duration >= v.Stay.Duration ? t.Longest : v.Stay)
                : new SiteTime(days, v.Stay.Arrival, v.Stay);
        }
        return times;
    }

    /// <summary>
    /// The bird's end in the season: the region it spent the most days in (ties: the one it reached first), the site of
    /// that region it spent the most days at (ties: ordinal code), and the centre of its longest stay there. Null when
    /// it had no stay in the season.
    /// </summary>
    public static BirdEnd? End(Dictionary<string, SiteTime> times, IReadOnlyDictionary<string, string> regionOf)
    {
        if (times.Count == 0)
        {
            return null;
        }
        var region = times.GroupBy(t => regionOf[t.Key], StringComparer.Ordinal)
            .Select(g => (Region: g.Key, Days: g.Sum(t => t.Value.Days), First: g.Min(t => t.Value.FirstArrival), Sites: g))
            .OrderByDescending(r => r.Days).ThenBy(r => r.First).ThenBy(r => r.Region, StringComparer.Ordinal)
            .First();
        var site = region.Sites.OrderByDescending(t => t.Value.Days).ThenBy(t => t.Key, StringComparer.Ordinal).First();
        return new BirdEnd(region.Region, site.Key, site.Value.Longest.Longitude, site.Value.Longest.Latitude, region.Days);
    }
}
