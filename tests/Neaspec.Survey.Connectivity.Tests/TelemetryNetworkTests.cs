using Neaspec.Survey.Connectivity;
using static Neaspec.Survey.Connectivity.Tests.Networks;

namespace Neaspec.Survey.Connectivity.Tests;

public class TelemetryNetworkTests
{
    private static SiteVisit Visit(string individual, string site, int year, int month, int day) =>
        new(new Stopover(individual, new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Utc),
            new DateTime(year, month, day, 12, 0, 0, DateTimeKind.Utc), 0, 0, 1, 3), site, false);

    private static readonly SiteVisit[] Visits =
    [
        Visit("i1", "A", 2025, 3, 5), Visit("i1", "B", 2025, 3, 20), Visit("i1", "C", 2025, 4, 10),
        Visit("i2", "A", 2025, 3, 6), Visit("i2", "B", 2025, 3, 25), Visit("i2", "B", 2025, 4, 2), Visit("i2", "D", 2025, 5, 1),
        Visit("i3", "A", 2025, 3, 7), Visit("i3", "C", 2025, 4, 1),
        Visit("i1", "A", 2026, 3, 4), Visit("i1", "B", 2026, 3, 30),
        Visit("i3", "D", 2025, 9, 1), // autumn: not in the spring network
    ];

    [Fact]
    public void P_ij_is_transitions_over_departures()
    {
        var network = TelemetryNetwork.Build(Visits, new Season("spring", 3, 1, 5, 31));

        // Moves: A->B (i1 2025, i2, i1 2026), A->C (i3), B->C (i1), B->D (i2; B->B of i2 is one stay).
        // C(2025) -> A(2026) is no move: another occurrence of spring. Departures: A 4, B 2.
        Assert.Equal(
            [
                new TelemetryLink("A", "B", 3, 4, 2),
                new TelemetryLink("A", "C", 1, 4, 1),
                new TelemetryLink("B", "C", 1, 2, 1),
                new TelemetryLink("B", "D", 1, 2, 1),
            ],
            network.Links);
        Assert.Equal([0.75, 0.25, 0.5, 0.5], network.Links.Select(l => l.Probability));
    }

    [Fact]
    public void The_telemetry_network_is_directed_in_the_analysis()
    {
        var network = TelemetryNetwork.Build(Visits, new Season("spring", 3, 1, 5, 31))
            .ToSiteNetwork([Node("A", 1), Node("B", 1), Node("C", 1), Node("D", 1)]);
        var r = ConnectivityAnalysis.Run(network);

        // p*: AB 0.75, AC max(0.25, 0.75 * 0.5) = 0.375, AD 0.375, BC 0.5, BD 0.5, nothing backwards.
        Assert.Equal(4 + 0.75 + 0.375 + 0.375 + 0.5 + 0.5, r.PCnum, Tolerance);
        Assert.True(network.IsDirected);
    }
}
