using Neaspec.Survey.Connectivity;
using static Neaspec.Survey.Connectivity.Tests.Tracks;

namespace Neaspec.Survey.Connectivity.Tests;

/// <summary>Stays with the default options: 10 km radius, 24 h minimum, 24 h excursion, 24 h maximum gap, 1 h steps.</summary>
public class StayDetectorTests
{
    private static readonly (double Lon, double Lat) Roost = (127.51, 34.88);

    [Theory]
    [InlineData(14)]
    [InlineData(20)]
    public void A_bird_commuting_between_roost_and_feeding_ground_makes_one_stay(double commuteKm)
    {
        // 60 days: 16 h a day at the roost (18:00-09:00, hourly fixes), 8 h feeding commuteKm north (10:00-17:00).
        // The first step is at the roost, so the centre is the roost; the feeding hours lie commuteKm > 10 km away:
        // outside, an excursion from 09:00 (last roost fix) to 18:00 (next roost fix) = 9 h <= 24 h, absorbed.
        // So one stay from the first fix (day 0 18:00) to the last roost fix (day 60 09:00) = 59 d 15 h, with
        // 59 excursions (one per full day); the centre is the roost itself. The old rule found 0 stopovers.
        var feeding = North(Roost, commuteKm);
        var start = Utc(2025, 10, 1, 18);
        var fixes = new List<Fix>();
        for (var h = 0; h <= (60 * 24) - 9; h++)
        {
            var t = start.AddHours(h);
            var p = t.Hour is >= 10 and <= 17 ? feeding : Roost;
            fixes.Add(new Fix("crane", t, p.Lon, p.Lat));
        }

        var stay = Assert.Single(StayDetector.Detect(fixes));

        Assert.Equal(start, stay.Arrival);
        Assert.Equal(Utc(2025, 11, 30, 9), stay.Departure);
        Assert.Equal(59, stay.Excursions);
        Assert.True(GreatCircle.DistanceKm(stay.Longitude, stay.Latitude, Roost.Lon, Roost.Lat) < 1e-6);
        Assert.Equal(fixes.Count, stay.Fixes.Count);
    }

    [Fact]
    public void A_single_fix_25_km_away_is_an_excursion_not_the_end_of_the_stay()
    {
        // 40 h of hourly fixes at one place, hour 20 25 km away: the excursion lasts from hour 19 to hour 21 (2 h).
        // One stay of 40 h, one excursion; the old rule split it into 20 h + 19 h, both too short: 0 stopovers.
        var start = Utc(2025, 4, 1);
        var fixes = At("b", start, 40, Roost).Select(f => f.Timestamp == start.AddHours(20)
            ? f with { Latitude = North(Roost, 25).Lat } : f).ToList();

        var stay = Assert.Single(StayDetector.Detect(fixes));

        Assert.Equal(TimeSpan.FromHours(40), stay.Duration);
        Assert.Equal(1, stay.Excursions);
        Assert.Equal(41, stay.Fixes.Count);
    }

    [Fact]
    public void A_stay_never_spans_a_gap_longer_than_the_maximum()
    {
        // Two fixes ten days apart at one place: 240 h to the old rule; here the 240 h gap ends any stay, and each
        // side is a single fix (0 h): no stay.
        Fix[] twoFixes = [new("g", Utc(2025, 1, 1), 127, 35), new("g", Utc(2025, 1, 11), 127, 35)];
        Assert.Empty(StayDetector.Detect(twoFixes));

        // 30 h at A, no data for 3 days, 30 h at A again, a 12 h flight to B, 30 h at B: three stays; the second
        // follows a 72 h gap (> 24 h), the third follows the flight only (hourly fixes): AfterGap false.
        var a = Roost;
        var b = North(Roost, 550);
        var t = Utc(2025, 3, 1);
        var fixes = At("g", t, 30, a).Concat(At("g", t.AddHours(30 + 72), 30, a)).ToList();
        fixes.AddRange(Flight("g", t.AddHours(132), a, b, out var landing));
        fixes.AddRange(At("g", landing, 30, b));

        var stays = StayDetector.Detect(fixes);

        Assert.Equal(3, stays.Count);
        Assert.Equal([false, true, false], stays.Select(s => s.AfterGap));
        Assert.Equal(t.AddHours(30), stays[0].Departure);
        Assert.Equal(t.AddHours(102), stays[1].Arrival);
        Assert.Equal(landing, stays[2].Arrival);
    }

    [Fact]
    public void A_move_across_a_gap_is_marked()
    {
        // 30 h at A; then nothing for 5 days; then 30 h at B 600 km away. The bird may have stopped unseen.
        var b = North(Roost, 600);
        var t = Utc(2025, 3, 1);
        var stays = StayDetector.Detect(At("g", t, 30, Roost).Concat(At("g", t.AddDays(6), 30, b)));

        Assert.Equal(2, stays.Count);
        Assert.True(stays[1].AfterGap);
    }

    [Fact]
    public void Short_stays_and_outliers_are_not_stays_and_input_order_does_not_matter()
    {
        // 20 h at A (too short), 30 h at B with an outlier 500 km off in the middle, flight between.
        var a = Roost;
        var b = North(Roost, 300);
        var t = Utc(2025, 5, 1);
        var fixes = At("o", t, 20, a).ToList();
        fixes.AddRange(Flight("o", t.AddHours(20), a, b, out var landing));
        fixes.AddRange(At("o", landing, 30, b));
        fixes.Add(new Fix("o", landing.AddHours(15.5), 140, 45, Outlier: true));

        var stays = StayDetector.Detect(fixes.OrderBy(f => f.Latitude * f.Longitude));

        var stay = Assert.Single(stays);
        Assert.Equal((landing, TimeSpan.FromHours(30)), (stay.Arrival, stay.Duration));
        Assert.Throws<ArgumentException>(() => StayDetector.Detect("o", [new TrackFix(t.AddHours(1), 0, 0), new TrackFix(t, 0, 0)]));
    }

    [Fact]
    public void Six_23_hour_stays_of_one_minute_fixes_are_not_stays()
    {
        // The 8,280 one-minute fixes (six stays of 23 h = 1,380 fixes each, 300 km apart): each is 1 h
        // short of the minimum, so none is a stay (the old rule took 98 s to say the same).
        var fixes = new List<Fix>();
        var t = Utc(2025, 9, 1);
        for (var s = 0; s < 6; s++)
        {
            var p = North(Roost, 300 * s);
            for (var m = 0; m < 1380; m++)
            {
                fixes.Add(new Fix("m", t.AddMinutes(m), p.Lon, p.Lat));
            }
            t = t.AddHours(24);
        }
        Assert.Equal(8280, fixes.Count);
        Assert.Empty(StayDetector.Detect(fixes));
        Assert.Equal(6, StayDetector.Detect(fixes, new StayOptions { MinimumDuration = TimeSpan.FromHours(22) }).Count);
    }
}
