using Neaspec.Survey.Connectivity;

namespace Neaspec.Survey.Connectivity.Tests;

public class NodeWeightsTests
{
    [Fact]
    public void Peak_count_in_a_window_ignores_surveys_that_did_not_count()
    {
        CountRecord[] counts =
        [
            new("S1", "Platalea minor", new DateOnly(2025, 1, 10), 120),
            new("S1", "Platalea minor", new DateOnly(2025, 1, 20), 340),
            new("S1", "Platalea minor", new DateOnly(2025, 3, 1), 900), // outside the window
            new("S1", "Grus monacha", new DateOnly(2025, 1, 15), 5000), // other species
            new("S2", "Platalea minor", new DateOnly(2025, 1, 12), null), // fog
            new("S3", "Platalea minor", new DateOnly(2025, 1, 12), 0),
        ];

        var peak = NodeWeights.PeakCount(counts, "Platalea minor", new DateOnly(2025, 1, 1), new DateOnly(2025, 2, 28));

        Assert.Equal(340, peak["S1"]);
        Assert.False(peak.ContainsKey("S2"));
        Assert.Equal(0, peak["S3"]);
    }

    [Fact]
    public void Tracked_individuals_and_the_choice_of_weighting()
    {
        static SiteVisit V(string individual, string site) =>
            new(new Stay(individual, DateTime.UnixEpoch, DateTime.UnixEpoch, 0, 0, [], 0, false), site, false);
        var tracked = NodeWeights.TrackedIndividuals([V("a", "S1"), V("a", "S1"), V("b", "S1"), V("b", "S2")]);
        Assert.Equal(2, tracked["S1"]);
        Assert.Equal(1, tracked["S2"]);

        KnownSite[] sites = [new("S1", 120, 30, "CN"), new("S2", 121, 31, "CN"), new("S3", 122, 32, "CN")];
        Assert.Equal([2.0, 1.0, 0.0], NodeWeights.Nodes(sites, NodeWeighting.TrackedIndividuals, tracked).Select(n => n.Weight));
        Assert.Equal([1.0, 1.0, 1.0], NodeWeights.Nodes(sites, NodeWeighting.Uniform).Select(n => n.Weight));
    }
}
