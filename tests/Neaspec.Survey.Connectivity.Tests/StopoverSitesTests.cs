using NetTopologySuite.Geometries;
using Neaspec.Survey.Connectivity;

namespace Neaspec.Survey.Connectivity.Tests;

public class StopoverSitesTests
{
    private static Stopover At(double lon, double lat, int day, string individual = "a") =>
        new(individual, new DateTime(2025, 4, day, 0, 0, 0, DateTimeKind.Utc), new DateTime(2025, 4, day + 1, 0, 0, 0, DateTimeKind.Utc), lon, lat, 1, 5);

    [Fact]
    public void Polygon_then_distance_then_candidates()
    {
        var square = new GeometryFactory().CreatePolygon(
        [
            new Coordinate(120, 30), new Coordinate(120.2, 30), new Coordinate(120.2, 30.2), new Coordinate(120, 30.2), new Coordinate(120, 30),
        ]);
        KnownSite[] sites = [new("P", 120.1, 30.1, "CN", square), new("Q", 125, 35, "KR")];
        Stopover[] stopovers =
        [
            At(120.19, 30.19, 1),        // in P's polygon, 13 km from its point
            At(125, 35.045, 3),          // 5 km north of Q
            At(130, 40, 5),              // with the next, 8.9 km apart: one candidate
            At(130, 40.08, 7, "b"),
            At(140, 45, 2),              // alone: a candidate of its own, the earliest
            At(125, 35.2, 9),            // 22 km from Q: not Q; alone
        ];

        var result = StopoverSites.Assign(stopovers, sites);

        Assert.Equal(["P", "Q", "candidate-2", "candidate-2", "candidate-1", "candidate-3"], result.Visits.Select(v => v.SiteCode));
        Assert.Equal([false, false, true, true, true, true], result.Visits.Select(v => v.IsCandidate));
        var pair = result.Candidates.Single(c => c.Code == "candidate-2");
        Assert.Equal(2, pair.Individuals);
        Assert.Equal(130, pair.Longitude, 1e-9);
        Assert.Equal(40.04, pair.Latitude, 1e-4);
        var promoted = pair.Promote("KP-001", "KP");
        Assert.Equal(("KP-001", "KP"), (promoted.Code, promoted.Country));
    }

    [Fact]
    public void The_distance_to_a_site_point_is_configurable()
    {
        KnownSite[] sites = [new("Q", 125, 35)];
        var wide = StopoverSites.Assign([At(125, 35.2, 1)], sites, new SiteAssignmentOptions { MaxDistanceKm = 25 });
        Assert.Equal("Q", wide.Visits.Single().SiteCode);
        Assert.Empty(wide.Candidates);
    }
}
