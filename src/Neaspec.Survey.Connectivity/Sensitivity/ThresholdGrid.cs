namespace Neaspec.Survey.Connectivity.Sensitivity;

/// <summary>
/// The settings a sensitivity run repeats the telemetry analysis over: a one-at-a-time design (Saltelli et al. 2008,
/// ch. 1) around the baseline thresholds. Each of the five thresholds that turn fixes into site-to-site links is
/// halved and doubled while the others keep their baseline value: 1 + 5 x 2 = 11 settings. A factor of two either way
/// is a change an analyst could as well have chosen; the design shows which threshold a ranking hangs on, not how
/// thresholds interact (that would take the full factorial, 3^5 = 243 runs).
/// </summary>
public static class ThresholdGrid
{
    /// <summary>The parameter name of the baseline setting.</summary>
    public const string Baseline = "baseline";

    /// <summary>The factors each threshold is multiplied by.</summary>
    public static IReadOnlyList<double> Factors { get; } = [0.5, 2];

    /// <summary>The five thresholds, by option name, as the grid varies them.</summary>
    public static IReadOnlyList<string> Parameters { get; } =
        ["stay-radius-km", "min-stay-hours", "max-gap-hours", "site-distance-km", "cluster-distance-km"];

    /// <summary>
    /// The baseline, then for each threshold of <see cref="Parameters"/> its value times each of <see cref="Factors"/>.
    /// The minimum stay and the excursion tolerance move together (a stay's excursions may last as long as a stay).
    /// A setting equal to the baseline (a distance of 0 halved) or one the detector refuses (a maximum gap below the
    /// time step) is left out.
    /// </summary>
    public static IReadOnlyList<ThresholdSetting> OneAtATime(StayOptions stays, SiteAssignmentOptions sites)
    {
        ArgumentNullException.ThrowIfNull(stays);
        ArgumentNullException.ThrowIfNull(sites);
        var settings = new List<ThresholdSetting> { new(Baseline, double.NaN, 1, stays, sites) };
        foreach (var parameter in Parameters)
        {
            foreach (var factor in Factors)
            {
                var setting = Vary(parameter, factor, stays, sites);
                if (setting.Stays != stays || setting.Sites != sites)
                {
                    if (setting.Stays.MaxGap >= setting.Stays.TimeStep)
                    {
                        settings.Add(setting);
                    }
                }
            }
        }
        return settings;
    }

    private static ThresholdSetting Vary(string parameter, double factor, StayOptions stays, SiteAssignmentOptions sites)
    {
        TimeSpan Scale(TimeSpan t) => TimeSpan.FromTicks((long)Math.Round(t.Ticks * factor));
        return parameter switch
        {
            "stay-radius-km" => new(parameter, stays.RadiusKm * factor, factor, stays with { RadiusKm = stays.RadiusKm * factor }, sites),
            "min-stay-hours" => new(parameter, Scale(stays.MinimumDuration).TotalHours, factor,
                stays with { MinimumDuration = Scale(stays.MinimumDuration), MaxExcursion = Scale(stays.MaxExcursion) }, sites),
            "max-gap-hours" => new(parameter, Scale(stays.MaxGap).TotalHours, factor, stays with { MaxGap = Scale(stays.MaxGap) }, sites),
            "site-distance-km" => new(parameter, sites.MaxDistanceKm * factor, factor, stays, sites with { MaxDistanceKm = sites.MaxDistanceKm * factor }),
            "cluster-distance-km" => new(parameter, sites.ClusterDistanceKm * factor, factor, stays,
                sites with { ClusterDistanceKm = sites.ClusterDistanceKm * factor }),
            _ => throw new ArgumentOutOfRangeException(nameof(parameter), parameter, "Not a threshold of the grid."),
        };
    }
}
