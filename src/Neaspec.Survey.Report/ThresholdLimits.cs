using System.Globalization;
using Neaspec.Survey.Connectivity;

namespace Neaspec.Survey.Report;

/// <summary>
/// The values a run may give the telemetry thresholds, and the messages for those it may not. The ranges are wide
/// (any choice an analyst could defend passes); they catch units mistaken (metres for km, minutes for hours) and
/// values that make no stay at all. Messages name the option as the command line spells it; the portal maps the
/// names to its fields.
/// </summary>
public static class ThresholdLimits
{
    /// <summary>Largest stay radius, km: beyond it a "place" spans a whole wetland complex and more.</summary>
    public const double MaxStayRadiusKm = 100;

    /// <summary>Shortest minimum stay, hours (the detector's time step).</summary>
    public const double MinStayHours = 1;

    /// <summary>Longest minimum stay and longest maximum gap, hours (30 days).</summary>
    public const double MaxHours = 720;

    /// <summary>Largest distance from a stay to a site point, km.</summary>
    public const double MaxSiteDistanceKm = 100;

    /// <summary>Largest clustering distance of candidate sites, km.</summary>
    public const double MaxClusterDistanceKm = 500;

    /// <summary>What is wrong with the thresholds, window time zone and A_L of <paramref name="request"/> (empty when
    /// nothing is).</summary>
    public static IReadOnlyList<string> Problems(ReportRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var problems = new List<string>();
        var s = request.Stays;
        var a = request.SiteAssignment;
        Range(problems, "--stay-radius-km", s.RadiusKm, 0, MaxStayRadiusKm, "km", includeLow: false);
        Range(problems, "--min-stay-hours", s.MinimumDuration.TotalHours, MinStayHours, MaxHours, "hours");
        Range(problems, "--max-gap-hours", s.MaxGap.TotalHours, s.TimeStep.TotalHours, MaxHours, "hours");
        Range(problems, "--site-distance-km", a.MaxDistanceKm, 0, MaxSiteDistanceKm, "km");
        Range(problems, "--cluster-distance-km", a.ClusterDistanceKm, 0, MaxClusterDistanceKm, "km");
        if (request.AreaTotal is { } total && (!(total > 0) || double.IsInfinity(total)))
        {
            problems.Add($"--area-total: {Text(total)} is not a positive number (A_L, e.g. the flyway population)");
        }
        // The window's and zone's text, before any database is read (which season it belongs to is checked later).
        if (request.Window is { } window && Season.Parse("window", window, null, Season.DefaultTimeZone, out var windowError) is null)
        {
            problems.Add($"--window: {windowError}");
        }
        if (request.TimeZone is { } zone && !Season.TryZone(zone, out var zoneError))
        {
            problems.Add($"--time-zone: {zoneError}");
        }
        return problems;
    }

    /// <summary>
    /// A number a user typed for <paramref name="option"/> (invariant culture: a dot for decimals), null when the text
    /// is empty; otherwise null and a problem such as "--stay-radius-km: '1,5' is not a number of km (e.g. 10)".
    /// Shared by the command line and the portal's form, so both refuse the same text with the same words.
    /// </summary>
    public static double? Number(string option, string? text, string unit, string example, List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }
        if (double.TryParse(text.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }
        problems.Add($"{option}: '{text.Trim()}' is not a number of {unit} (e.g. {example}; a dot for decimals)");
        return null;
    }

    private static void Range(List<string> problems, string option, double value, double low, double high, string unit, bool includeLow = true)
    {
        var ok = (includeLow ? value >= low : value > low) && value <= high;
        if (!ok)
        {
            var from = includeLow ? $"from {Text(low)}" : $"more than {Text(low)}";
            problems.Add($"{option}: {Text(value)} is out of range; give {from} to {Text(high)} {unit}");
        }
    }

    private static string Text(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>Stay thresholds of a run from its options in km and hours: the excursion tolerance follows the minimum
    /// stay (an absence too short to be a stay elsewhere is an excursion from this one; docs/connectivity.md).</summary>
    public static StayOptions Stays(double? radiusKm, double? minimumStayHours, double? maxGapHours)
    {
        var stays = new StayOptions();
        if (radiusKm is { } r)
        {
            stays = stays with { RadiusKm = r };
        }
        if (minimumStayHours is { } h)
        {
            stays = stays with { MinimumDuration = Hours(h), MaxExcursion = Hours(h) };
        }
        if (maxGapHours is { } g)
        {
            stays = stays with { MaxGap = Hours(g) };
        }
        return stays;
    }

    /// <summary>Site assignment thresholds of a run from its options in km.</summary>
    public static SiteAssignmentOptions Sites(double? siteDistanceKm, double? clusterDistanceKm)
    {
        var sites = new SiteAssignmentOptions();
        if (siteDistanceKm is { } d)
        {
            sites = sites with { MaxDistanceKm = d };
        }
        if (clusterDistanceKm is { } c)
        {
            sites = sites with { ClusterDistanceKm = c };
        }
        return sites;
    }

    // Hours out of range (or not a number) stay out of range rather than overflow TimeSpan, so the check above
    // reports them instead of a default taking their place.
    private static TimeSpan Hours(double h) => double.IsNaN(h) ? TimeSpan.MinValue : TimeSpan.FromHours(Math.Clamp(h, -1e6, 1e6));
}
