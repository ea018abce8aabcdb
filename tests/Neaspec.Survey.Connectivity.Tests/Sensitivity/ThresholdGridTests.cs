using Neaspec.Survey.Connectivity.Sensitivity;

namespace Neaspec.Survey.Connectivity.Tests.Sensitivity;

public sealed class ThresholdGridTests
{
    [Fact]
    public void The_defaults_give_the_baseline_and_each_threshold_halved_and_doubled()
    {
        var grid = ThresholdGrid.OneAtATime(new StayOptions(), new SiteAssignmentOptions());

        Assert.Equal(11, grid.Count);
        Assert.True(grid[0].IsBaseline);
        Assert.Equal(
        [
            ("stay-radius-km", 5.0), ("stay-radius-km", 20.0), ("min-stay-hours", 12.0), ("min-stay-hours", 48.0),
            ("max-gap-hours", 12.0), ("max-gap-hours", 48.0), ("site-distance-km", 5.0), ("site-distance-km", 20.0),
            ("cluster-distance-km", 10.0), ("cluster-distance-km", 40.0),
        ], grid.Skip(1).Select(s => (s.Parameter, s.Value)));
        // One threshold at a time: the minimum stay carries the excursion tolerance with it, nothing else moves.
        var longer = grid.Single(s => s.Parameter == "min-stay-hours" && s.Factor == 2);
        Assert.Equal(new StayOptions { MinimumDuration = TimeSpan.FromHours(48), MaxExcursion = TimeSpan.FromHours(48) }, longer.Stays);
        Assert.Equal(new SiteAssignmentOptions(), longer.Sites);
    }

    [Fact]
    public void A_setting_equal_to_the_baseline_or_below_the_time_step_is_left_out()
    {
        // Site distance 0 halved and doubled is still 0; a 1 h maximum gap halved is below the 1 h time step.
        var grid = ThresholdGrid.OneAtATime(new StayOptions { MaxGap = TimeSpan.FromHours(1) }, new SiteAssignmentOptions { MaxDistanceKm = 0 });

        Assert.Equal(1 + 10 - 2 - 1, grid.Count);
        Assert.DoesNotContain(grid, s => s.Parameter == "site-distance-km");
        Assert.Equal([2.0], grid.Where(s => s.Parameter == "max-gap-hours").Select(s => s.Value));
    }
}
