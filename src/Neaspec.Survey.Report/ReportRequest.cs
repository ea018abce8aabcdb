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

    /// <summary>Median dispersal distances d0 in km for the distance-decay links; one analysis each.</summary>
    public IReadOnlyList<double> DistancesKm { get; init; } = [50, 100, 250, 500];

    /// <summary>p0, the link probability at d0.</summary>
    public double Probability { get; init; } = 0.5;

    /// <summary>What a node weight measures.</summary>
    public NodeWeighting Weighting { get; init; } = NodeWeighting.PeakCount;

    /// <summary>Language of site and species names: en, ko, zh, ja, ru or mn (English where a name is missing).</summary>
    public string Language { get; init; } = "en";

    /// <summary>The languages names exist in.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["en", "ko", "zh", "ja", "ru", "mn"];
}
