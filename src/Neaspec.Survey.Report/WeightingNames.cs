using Neaspec.Survey.Connectivity;

namespace Neaspec.Survey.Report;

/// <summary>How a node weighting is named: the --weight option value (also stored in the PostGIS tables) and
/// the words the page uses.</summary>
internal static class WeightingNames
{
    /// <summary>peak-count, individuals or uniform: what --weight takes.</summary>
    public static string Option(NodeWeighting weighting) => weighting switch
    {
        NodeWeighting.PeakCount => "peak-count",
        NodeWeighting.TrackedIndividuals => "individuals",
        _ => "uniform",
    };

    /// <summary>The weighting in words, for the page.</summary>
    public static string Text(NodeWeighting weighting) => weighting switch
    {
        NodeWeighting.PeakCount => "peak count",
        NodeWeighting.TrackedIndividuals => "tracked individuals",
        _ => "uniform (1 per site)",
    };
}
