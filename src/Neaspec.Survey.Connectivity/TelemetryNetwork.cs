namespace Neaspec.Survey.Connectivity;

/// <summary>A directed telemetry link i -> j within one season.</summary>
/// <param name="From">Site code i.</param>
/// <param name="To">Site code j.</param>
/// <param name="Transitions">Moves i -> j between consecutive stopovers.</param>
/// <param name="Departures">All moves out of i in the season.</param>
/// <param name="Individuals">Distinct individuals that made the move i -> j.</param>
public sealed record TelemetryLink(string From, string To, int Transitions, int Departures, int Individuals)
{
    /// <summary>p_ij = transitions(i -> j) / departures(i).</summary>
    public double Probability => (double)Transitions / Departures;
}

/// <summary>
/// The directed network of moves between consecutive stopovers of tracked individuals within one season.
/// </summary>
/// <remarks>
/// A visit belongs to a season by its arrival date; visits of one individual are paired only within the same
/// occurrence of the season (spring 2025 apart from spring 2026). Two consecutive visits at the same site are
/// one stay, not a departure. A departure from i is a move from i to the individual's next site in the
/// season, so departures(i) is the number of moves out of i that were seen, and the p_ij out of a site sum
/// to 1; the season's last stop of an individual is not a departure (where it went is not known).
/// </remarks>
public sealed class TelemetryNetwork
{
    private TelemetryNetwork(Season season, IReadOnlyList<TelemetryLink> links)
    {
        Season = season;
        Links = links;
    }

    /// <summary>The season.</summary>
    public Season Season { get; }

    /// <summary>Links, ordered by from then to.</summary>
    public IReadOnlyList<TelemetryLink> Links { get; }

    /// <summary>Builds the network of <paramref name="season"/> from site visits.</summary>
    public static TelemetryNetwork Build(IEnumerable<SiteVisit> visits, Season season)
    {
        ArgumentNullException.ThrowIfNull(visits);
        ArgumentNullException.ThrowIfNull(season);
        var moves = new List<(string From, string To, string Individual)>();
        var tracks = visits
            .Where(v => season.Contains(v.Stopover.Arrival))
            .GroupBy(v => (v.Stopover.Individual, Occurrence: season.Occurrence(v.Stopover.Arrival)));
        foreach (var track in tracks)
        {
            string? previous = null;
            foreach (var visit in track.OrderBy(v => v.Stopover.Arrival))
            {
                if (previous is not null && previous != visit.SiteCode)
                {
                    moves.Add((previous, visit.SiteCode, visit.Stopover.Individual));
                }
                previous = visit.SiteCode;
            }
        }
        var departures = moves.GroupBy(m => m.From).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var links = moves
            .GroupBy(m => (m.From, m.To))
            .Select(g => new TelemetryLink(g.Key.From, g.Key.To, g.Count(), departures[g.Key.From],
                g.Select(m => m.Individual).Distinct(StringComparer.Ordinal).Count()))
            .OrderBy(l => l.From, StringComparer.Ordinal)
            .ThenBy(l => l.To, StringComparer.Ordinal)
            .ToArray();
        return new TelemetryNetwork(season, links);
    }

    /// <summary>
    /// The directed <see cref="SiteNetwork"/> over <paramref name="nodes"/> (which must include every site
    /// with a link) with p_ij from the moves.
    /// </summary>
    public SiteNetwork ToSiteNetwork(IReadOnlyList<SiteNode> nodes) =>
        SiteNetwork.FromLinks(nodes, Links.Select(l => new SiteLink(l.From, l.To, l.Probability)), directed: true);
}
