using NetTopologySuite.Geometries;
using Neaspec.Survey.Connectivity;
using static Neaspec.Survey.Connectivity.Tests.Tracks;

namespace Neaspec.Survey.Connectivity.Tests;

public class StaySitesTests
{
    /// <summary>A stay of <paramref name="fixes"/> fixes: those given, each repeated, with the centre given.</summary>
    private static Stay StayOf(string individual, int day, (double Lon, double Lat) centre, params (double Lon, double Lat, int Count)[] fixes)
    {
        var t = Utc(2025, 4, day);
        var list = new List<TrackFix>();
        foreach (var (lon, lat, count) in fixes)
        {
            for (var i = 0; i < count; i++)
            {
                list.Add(new TrackFix(t.AddHours(list.Count), lon, lat));
            }
        }
        return new Stay(individual, t, t.AddHours(list.Count - 1), centre.Lon, centre.Lat, list, 0, false);
    }

    private static Stay At(double lon, double lat, int day, string individual = "a") =>
        StayOf(individual, day, (lon, lat), (lon, lat, 30));

    private static readonly Polygon Square = new GeometryFactory().CreatePolygon(
    [
        new Coordinate(120, 30), new Coordinate(120.4, 30), new Coordinate(120.4, 30.4), new Coordinate(120, 30.4), new Coordinate(120, 30),
    ]);

    [Fact]
    public void A_stay_whose_fixes_mostly_lie_in_a_polygon_belongs_to_its_site()
    {
        // P's point is at the polygon's south-west corner area (120.05, 30.05); the stay's centre (120.35, 30.35)
        // is 43 km from it, far beyond the 10 km point distance. 20 of its 30 fixes lie in the polygon (2/3 > 1/2):
        // P. A second stay has only 10 of 30 inside (1/3): not P; its centre is 7.3 km from Q's point: Q.
        KnownSite[] sites = [new("P", 120.05, 30.05, "CN", Square), new("Q", 120.5, 30.5, "CN")];
        var mostly = StayOf("a", 1, (120.35, 30.35), (120.35, 30.35, 20), (120.45, 30.45, 10));
        var partly = StayOf("a", 5, (120.45, 30.45), (120.35, 30.35, 10), (120.45, 30.45, 20));

        var result = StaySites.Assign([mostly, partly], sites);

        Assert.Equal(["P", "Q"], result.Visits.Select(v => v.SiteCode));
        Assert.Empty(result.Candidates);
    }

    [Fact]
    public void Polygon_then_distance_then_candidates()
    {
        KnownSite[] sites = [new("P", 120.1, 30.1, "CN", Square), new("Q", 125, 35, "KR")];
        Stay[] stays =
        [
            At(120.39, 30.39, 1),        // in P's polygon, 40 km from its point
            At(125, 35.045, 3),          // 5 km north of Q
            At(130, 40, 5),              // with the next, 8.9 km apart: one candidate
            At(130, 40.08, 7, "b"),
            At(140, 45, 2),              // alone: a candidate of its own, the earliest
            At(125, 35.2, 9),            // 22 km from Q: not Q; alone
        ];

        var result = StaySites.Assign(stays, sites);

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
        var wide = StaySites.Assign([At(125, 35.2, 1)], sites, new SiteAssignmentOptions { MaxDistanceKm = 25 });
        Assert.Equal("Q", wide.Visits.Single().SiteCode);
        Assert.Empty(wide.Candidates);
    }
}
