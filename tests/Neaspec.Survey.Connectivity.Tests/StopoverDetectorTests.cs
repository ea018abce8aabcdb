using Neaspec.Survey.Connectivity;

namespace Neaspec.Survey.Connectivity.Tests;

public class StopoverDetectorTests
{
    private static readonly DateTime T0 = new(2025, 3, 10, 0, 0, 0, DateTimeKind.Utc);

    // A track: 48 h at X (9 fixes, 6 h apart, 0.01 degrees = 1.1 km north or south of X), with an outlier
    // 5 degrees away in the middle; three travel fixes 1 degree apart; 12 h at Y (too short); 30 h at Z.
    private static List<Fix> Track(string individual = "bird-1")
    {
        var fixes = new List<Fix>();
        var t = T0;
        for (var i = 0; i < 9; i++, t = t.AddHours(6))
        {
            fixes.Add(new Fix(individual, t, 120, 30 + (i % 2 == 0 ? 0.01 : -0.01)));
        }
        fixes.Add(new Fix(individual, T0.AddHours(21), 125, 35, Outlier: true));
        for (var i = 1; i <= 3; i++, t = t.AddHours(6))
        {
            fixes.Add(new Fix(individual, t, 120, 30 + i));
        }
        for (var i = 0; i < 3; i++, t = t.AddHours(6))
        {
            fixes.Add(new Fix(individual, t, 122, 36));
        }
        var zStart = t.AddHours(6);
        for (var i = 0; i < 6; i++)
        {
            fixes.Add(new Fix(individual, zStart.AddHours(6 * i), 124, 38));
        }
        return fixes;
    }

    [Fact]
    public void Finds_the_long_stays_and_skips_outliers_and_short_stays()
    {
        // Shuffled input: the detector sorts by time itself.
        var fixes = Track().OrderBy(f => f.Longitude * f.Latitude).ToList();

        var stopovers = StopoverDetector.Detect(fixes);

        Assert.Equal(2, stopovers.Count);
        var x = stopovers[0];
        Assert.Equal(("bird-1", T0, T0.AddHours(48), 9), (x.Individual, x.Arrival, x.Departure, x.Fixes));
        Assert.Equal(TimeSpan.FromHours(48), x.Duration);
        // Five fixes at +0.01 and four at -0.01 degrees: the centre is 0.01 / 9 degrees north of 30.
        Assert.Equal(120, x.Longitude, 1e-9);
        Assert.Equal(30 + (0.01 / 9), x.Latitude, 1e-5);
        Assert.Equal(0.01 * (1 + (1.0 / 9)) * 111.195, x.RadiusKm, 0.01);
        var z = stopovers[1];
        Assert.Equal((124.0, 38.0, 6), (Math.Round(z.Longitude, 9), Math.Round(z.Latitude, 9), z.Fixes));
        Assert.Equal(TimeSpan.FromHours(30), z.Duration);
    }

    [Fact]
    public void The_outlier_would_split_the_stay_if_it_were_not_flagged()
    {
        var fixes = Track().Select(f => f with { Outlier = false }).ToList();

        var stopovers = StopoverDetector.Detect(fixes);

        // The fix at 21 h breaks X into 0-18 h (too short) and 24-48 h (24 h: a stopover).
        Assert.Equal(T0.AddHours(24), stopovers[0].Arrival);
        Assert.Equal(5, stopovers[0].Fixes);
    }

    [Fact]
    public void Radius_and_duration_are_configurable()
    {
        // 2.2 km between the X fixes does not fit in 0.5 km; Y's 12 h are enough with a 12 h minimum.
        var tight = StopoverDetector.Detect(Track(), new StopoverOptions { RadiusKm = 0.5 });
        Assert.Equal([124.0], tight.Select(s => Math.Round(s.Longitude, 6)));

        var shorter = StopoverDetector.Detect(Track(), new StopoverOptions { MinimumDuration = TimeSpan.FromHours(12) });
        Assert.Equal([120.0, 122.0, 124.0], shorter.Select(s => Math.Round(s.Longitude, 6)));
    }

    [Fact]
    public void Individuals_are_kept_apart()
    {
        var stopovers = StopoverDetector.Detect(Track("a").Concat(Track("b")));
        Assert.Equal(["a", "a", "b", "b"], stopovers.Select(s => s.Individual));
    }
}
