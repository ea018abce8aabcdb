namespace Neaspec.Survey.Connectivity;

/// <summary>
/// The directed network of one season's moves between the stays of tracked individuals, with p_ij counted per
/// individual.
/// </summary>
/// <remarks>
/// Per individual, consecutive visits at the same site are one presence. A move i -> j (the next presence after one
/// at i is at j) belongs to the season holding its departure, the last fix at i; the presence it departs from counts
/// whole, however long before the window it began. An individual is present at i in the season when one of its
/// presences at i overlaps the window; its next state is known when it moved on in the season (to its next
/// presence) or was still at i when the season ended (it stayed); otherwise (the track ends, or no later stay) it is
/// left out. p_ij = (individuals that moved i -> j in the season) / (individuals present at i with a known next
/// state): each bird counts once per link, and birds that stayed count in the denominator — the per-individual
/// transition probability that PC's p_ij stands for (Saura &amp; Pascual-Hortal 2007), estimated as a proportion of
/// marked individuals as in multi-state movement studies, not a share of pooled moves, which one bird shuttling
/// A &lt;-&gt; B would dominate. A bird that left i twice in the season to different sites counts for both links,
/// so the p_ij out of a site can add up to more than 1.
/// </remarks>
public sealed class TelemetryNetwork
{
    private TelemetryNetwork(SeasonWindow window, IReadOnlyList<TelemetryLink> links, IReadOnlyList<Move> moves,
        IReadOnlyList<SitePresence> presence)
    {
        Window = window;
        Links = links;
        Moves = moves;
        Presence = presence;
    }

    /// <summary>The season window.</summary>
    public SeasonWindow Window { get; }

    /// <summary>The season.</summary>
    public Season Season => Window.Season;

    /// <summary>Links, ordered by from then to (ordinal).</summary>
    public IReadOnlyList<TelemetryLink> Links { get; }

    /// <summary>Every move that departed in the window, by individual then departure.</summary>
    public IReadOnlyList<Move> Moves { get; }

    /// <summary>Per site with individuals present in the season, ordered by site (ordinal).</summary>
    public IReadOnlyList<SitePresence> Presence { get; }

    /// <summary>Every site with a presence or a link end, ordered (ordinal).</summary>
    public IReadOnlyList<string> Sites =>
        Presence.Select(p => p.Site).Concat(Links.Select(l => l.To)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();

    /// <summary>Builds the network of <paramref name="window"/> from site visits (stays at sites) of whole tracks.</summary>
    public static TelemetryNetwork Build(IEnumerable<SiteVisit> visits, SeasonWindow window)
    {
        ArgumentNullException.ThrowIfNull(visits);
        ArgumentNullException.ThrowIfNull(window);
        var (start, end) = (window.Start, window.End);
        var moves = new List<Move>();
        var known = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var stayed = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        var seen = new Dictionary<string, SortedSet<string>>(StringComparer.Ordinal);
        foreach (var track in visits.GroupBy(v => v.Stay.Individual, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var presences = Presences(track.OrderBy(v => v.Stay.Arrival));
            for (var k = 0; k < presences.Count; k++)
            {
                var p = presences[k];
                if (p.Arrival >= end || p.Departure < start)
                {
                    continue; // not at this site in the season
                }
                Add(seen, p.Site, track.Key);
                if (p.Departure >= end)
                {
                    Add(known, p.Site, track.Key);
                    Add(stayed, p.Site, track.Key);
                }
                else if (k + 1 < presences.Count)
                {
                    var next = presences[k + 1];
                    Add(known, p.Site, track.Key);
                    moves.Add(new Move(track.Key, p.Site, next.Site, p.Departure, next.Arrival, next.AfterGap));
                }
            }
        }
        var links = moves
            .GroupBy(m => (m.From, m.To))
            .Select(g => new TelemetryLink(g.Key.From, g.Key.To,
                g.Select(m => m.Individual).Distinct(StringComparer.Ordinal).Count(),
                known[g.Key.From].Count,
                g.Where(m => m.CrossesGap).Select(m => m.Individual).Distinct(StringComparer.Ordinal).Count()))
            .OrderBy(l => l.From, StringComparer.Ordinal)
            .ThenBy(l => l.To, StringComparer.Ordinal)
            .ToArray();
        var presence = seen.Keys.Order(StringComparer.Ordinal)
            .Select(site => new SitePresence(site, known.GetValueOrDefault(site)?.Count ?? 0, stayed.GetValueOrDefault(site)?.Count ?? 0,
                seen[site].Count(b => known.GetValueOrDefault(site)?.Contains(b) != true)))
            .ToArray();
        return new TelemetryNetwork(window, links, moves, presence);
    }

    private static void Add(Dictionary<string, SortedSet<string>> sets, string site, string individual)
    {
        if (!sets.TryGetValue(site, out var set))
        {
            sets[site] = set = new SortedSet<string>(StringComparer.Ordinal);
        }
        set.Add(individual);
    }

    private sealed record Stint(string Site, DateTime Arrival, DateTime Departure, bool AfterGap);

    /// <summary>Consecutive visits at one site merged: leaving and coming back unseen is no move.</summary>
    private static List<Stint> Presences(IEnumerable<SiteVisit> ordered)
    {
        var list = new List<Stint>();
        foreach (var v in ordered)
        {
            if (list.Count > 0 && list[^1].Site == v.SiteCode)
            {
                list[^1] = list[^1] with { Departure = v.Stay.Departure };
            }
            else
            {
                list.Add(new Stint(v.SiteCode, v.Stay.Arrival, v.Stay.Departure, v.Stay.AfterGap));
            }
        }
        return list;
    }

    /// <summary>
    /// The directed <see cref="SiteNetwork"/> over <paramref name="nodes"/> (which must include every site with a
    /// link) with p_ij from the moves.
    /// </summary>
    public SiteNetwork ToSiteNetwork(IReadOnlyList<SiteNode> nodes) =>
        SiteNetwork.FromLinks(nodes, Links.Select(l => new SiteLink(l.From, l.To, l.Probability)), directed: true);
}
