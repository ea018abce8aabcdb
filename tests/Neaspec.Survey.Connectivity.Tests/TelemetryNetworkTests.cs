using Neaspec.Survey.Connectivity;
using static Neaspec.Survey.Connectivity.Tests.Networks;
using static Neaspec.Survey.Connectivity.Tests.Tracks;

namespace Neaspec.Survey.Connectivity.Tests;

/// <summary>Links counted per individual, moves by departure season; visits given directly (stays at sites).</summary>
public class TelemetryNetworkTests
{
    private static readonly SeasonWindow Spring2025 = Season.Defaults[0].In(2025);   // 1 Mar - 31 May 2025, UTC
    private static readonly SeasonWindow Winter2025 = Season.Defaults[3].In(2025);   // 1 Dec 2024 - 28 Feb 2025
    private static readonly SeasonWindow Autumn2025 = Season.Defaults[2].In(2025);   // 16 Aug - 30 Nov 2025
    private static readonly SeasonWindow Winter2026 = Season.Defaults[3].In(2026);   // 1 Dec 2025 - 28 Feb 2026

    private static SiteVisit Visit(string bird, string site, DateTime arrival, DateTime departure, bool afterGap = false) =>
        new(new Stay(bird, arrival, departure, 0, 0, [], 0, afterGap), site, false);

    [Fact]
    public void Each_bird_counts_once_per_link_and_birds_that_stayed_count_in_the_denominator()
    {
        // Spring 2025. Bird 1 shuttles A -> B -> A -> B; bird 2 goes A -> C; bird 3 stays at A past 31 May.
        // Present at A with a known next state: 1, 2, 3. p_AB = 1/3 (bird 1 once, although it made the move twice),
        // p_AC = 1/3. Pooled moves would give A->B 2 of 3 departures = 2/3 and forget bird 3.
        // At B: bird 1 moved on to A (known) -> p_BA = 1/1; its last stay at B ends with the track: unknown, but the
        // bird is already counted as present at B with a known next state.
        SiteVisit[] visits =
        [
            Visit("1", "A", Utc(2025, 3, 2), Utc(2025, 3, 5)), Visit("1", "B", Utc(2025, 3, 7), Utc(2025, 3, 10)),
            Visit("1", "A", Utc(2025, 3, 12), Utc(2025, 3, 15)), Visit("1", "B", Utc(2025, 3, 17), Utc(2025, 3, 20)),
            Visit("2", "A", Utc(2025, 3, 2), Utc(2025, 4, 5)), Visit("2", "C", Utc(2025, 4, 7), Utc(2025, 6, 20)),
            Visit("3", "A", Utc(2025, 2, 2), Utc(2025, 6, 10)),
        ];

        var network = TelemetryNetwork.Build(visits, Spring2025);

        Assert.Equal(
            [new TelemetryLink("A", "B", 1, 3, 0), new TelemetryLink("A", "C", 1, 3, 0), new TelemetryLink("B", "A", 1, 1, 0)],
            network.Links);
        Assert.Equal([1.0 / 3, 1.0 / 3, 1.0], network.Links.Select(l => l.Probability));
        Assert.All(network.Links, l => Assert.True(l.FewIndividuals));
        Assert.Equal(new SitePresence("A", 3, 1, 0), network.Presence.Single(p => p.Site == "A"));
        Assert.Equal(new SitePresence("C", 1, 1, 0), network.Presence.Single(p => p.Site == "C"));
        Assert.Equal(4, network.Moves.Count);
    }

    [Fact]
    public void A_departure_in_the_first_hour_of_a_window_belongs_to_it_and_the_stay_counts_whole()
    {
        // At W since 10 Nov 2024 (long before spring), last fix at W on 1 Mar 2025 00:30 UTC, then at S.
        // Spring 2025: the move W -> S departs in the window: p_WS = 1/1. Winter 2025 (to 28 Feb): the bird was still
        // at W when the window ended: it stayed, no link. With fixes clipped to spring, W held 30 min of fixes: no
        // stay, no move.
        SiteVisit[] visits =
        [
            Visit("x", "W", Utc(2024, 11, 10), Utc(2025, 3, 1, 0, 30)),
            Visit("x", "S", Utc(2025, 3, 2, 6), Utc(2025, 3, 20)),
        ];

        var spring = TelemetryNetwork.Build(visits, Spring2025);
        var winter = TelemetryNetwork.Build(visits, Winter2025);

        Assert.Equal([new TelemetryLink("W", "S", 1, 1, 0)], spring.Links);
        Assert.Empty(winter.Links);
        Assert.Equal([new SitePresence("W", 1, 1, 0)], winter.Presence);
    }

    [Fact]
    public void A_late_migrant_stays_through_autumn_and_moves_in_winter()
    {
        // Autumn 2025 ends 30 Nov. Bird "early" leaves breeding site Br on 10 Oct for W; bird "late" leaves Br on
        // 3 Dec. Autumn: present at Br = early (moved) + late (stayed) -> p_Br,W = 1/2. Winter 2026 (from 1 Dec 2025):
        // the late bird's move departs on 3 Dec -> p_Br,W = 1/1, and the early bird is at W, still there on 28 Feb.
        SiteVisit[] visits =
        [
            Visit("early", "Br", Utc(2025, 5, 1), Utc(2025, 10, 10)), Visit("early", "W", Utc(2025, 10, 14), Utc(2026, 3, 5)),
            Visit("late", "Br", Utc(2025, 5, 3), Utc(2025, 12, 3)), Visit("late", "W", Utc(2025, 12, 6), Utc(2026, 1, 5)),
        ];

        var autumn = TelemetryNetwork.Build(visits, Autumn2025);
        var winter = TelemetryNetwork.Build(visits, Winter2026);

        Assert.Equal([new TelemetryLink("Br", "W", 1, 2, 0)], autumn.Links);
        Assert.Equal(0.5, autumn.Links[0].Probability);
        Assert.Equal([new TelemetryLink("Br", "W", 1, 1, 0)], winter.Links);
        // "late" at W in winter: its track ends on 5 Jan, unknown; "early" stayed.
        Assert.Equal(new SitePresence("W", 1, 1, 1), winter.Presence.Single(p => p.Site == "W"));
    }

    [Fact]
    public void A_move_across_a_data_gap_is_counted_and_marked_and_an_unknown_next_state_is_left_out()
    {
        // Bird g: A until 5 Apr, then no data for 6 days, then at B (AfterGap). Bird h at A: its track ends on
        // 20 Apr at A (unknown next state). Present at A with a known next state: g only -> p_AB = 1/1, 1 across a gap.
        SiteVisit[] visits =
        [
            Visit("g", "A", Utc(2025, 3, 20), Utc(2025, 4, 5)), Visit("g", "B", Utc(2025, 4, 11), Utc(2025, 4, 30), afterGap: true),
            Visit("h", "A", Utc(2025, 4, 1), Utc(2025, 4, 20)),
        ];

        var network = TelemetryNetwork.Build(visits, Spring2025);

        Assert.Equal([new TelemetryLink("A", "B", 1, 1, 1)], network.Links);
        Assert.True(Assert.Single(network.Moves).CrossesGap);
        Assert.Equal(new SitePresence("A", 1, 0, 1), network.Presence.Single(p => p.Site == "A"));
    }

    [Fact]
    public void The_telemetry_network_is_directed_in_the_analysis()
    {
        // Three birds A -> B; two of them go on B -> C, the third stays at B: p_AB = 1, p_BC = 2/3.
        SiteVisit[] visits =
        [
            Visit("1", "A", Utc(2025, 3, 2), Utc(2025, 3, 5)), Visit("1", "B", Utc(2025, 3, 7), Utc(2025, 3, 10)), Visit("1", "C", Utc(2025, 3, 12), Utc(2025, 6, 2)),
            Visit("2", "A", Utc(2025, 3, 2), Utc(2025, 3, 5)), Visit("2", "B", Utc(2025, 3, 7), Utc(2025, 3, 10)), Visit("2", "C", Utc(2025, 3, 12), Utc(2025, 6, 2)),
            Visit("3", "A", Utc(2025, 3, 2), Utc(2025, 3, 5)), Visit("3", "B", Utc(2025, 3, 7), Utc(2025, 6, 10)),
        ];
        var network = TelemetryNetwork.Build(visits, Spring2025).ToSiteNetwork([Node("A", 1), Node("B", 1), Node("C", 1)]);
        var r = ConnectivityAnalysis.Run(network);

        // p*: AB 1, BC 2/3, AC 1 * 2/3; nothing backwards. PCnum = 3 + 1 + 2/3 + 2/3.
        Assert.Equal(3 + 1 + (4.0 / 3), r.PCnum, Tolerance);
        Assert.True(network.IsDirected);
    }
}
