using Neaspec.Survey.Connectivity;

namespace Neaspec.Survey.Report;

/// <summary>What a connectivity report is about and how it is computed.</summary>
public sealed record ReportRequest
{
    /// <summary>The species as the user wrote it: scientific name, synonym or a common name in any catalogue language.</summary>
    public required string Species { get; init; }

    /// <summary>Season name of <see cref="Season.Defaults"/> (spring, breeding, autumn, winter).</summary>
    public required string Season { get; init; }

    /// <summary>The year; a season across the new year belongs to the year it ends in (see <see cref="SeasonWindow"/>).</summary>
    public required int Year { get; init; }

    /// <summary>The season's dates for this run, "MM-DD..MM-DD", instead of the species' (or the default) window.</summary>
    public string? Window { get; init; }

    /// <summary>IANA time zone the window's dates are read in for this run, instead of the season's.</summary>
    public string? TimeZone { get; init; }

    /// <summary>A_L for PC and IIC (e.g. the flyway population), so that PC compares across years; null = the sum of
    /// the weights.</summary>
    public double? AreaTotal { get; init; }

    /// <summary>Stay detection thresholds.</summary>
    public StayOptions Stays { get; init; } = new();

    /// <summary>Site assignment thresholds (distance to a site point, candidate clustering).</summary>
    public SiteAssignmentOptions SiteAssignment { get; init; } = new();

    /// <summary>Median dispersal distances d0 in km for the distance-decay links; one analysis each.</summary>
    public IReadOnlyList<double> DistancesKm { get; init; } = [50, 100, 250, 500];

    /// <summary>p0, the link probability at d0.</summary>
    public double Probability { get; init; } = 0.5;

    /// <summary>What a node weight measures.</summary>
    public NodeWeighting Weighting { get; init; } = NodeWeighting.PeakCount;

    /// <summary>Language of site and species names: en, ko, zh, ja, ru or mn (English where a name is missing).</summary>
    public string Language { get; init; } = "en";

    // Link choice and sensitivity (issue 12); the thresholds they act on are Stays and SiteAssignment above.

    /// <summary>Where the links come from; null = both when the season has tracks, else distance decay.</summary>
    public LinkChoice? Links { get; init; }

    /// <summary>Repeat the telemetry analysis over <see cref="Connectivity.Sensitivity.ThresholdGrid"/> and show how the
    /// ranking of sites changes.</summary>
    public bool Sensitivity { get; init; }

    /// <summary>What is computed from the tracked birds beyond the links: bootstrap intervals, reachability, the MC
    /// section (issue 13's options, in one set).</summary>
    public ReportBirdOptions Birds { get; init; } = new();

    /// <summary>The languages names exist in.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["en", "ko", "zh", "ja", "ru", "mn"];
}
