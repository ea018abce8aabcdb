using Neaspec.Survey.Connectivity;
using Neaspec.Survey.Files.Connectivity;
using Neaspec.Survey.Report.Uncertainty;

namespace Neaspec.Survey.Report;

/// <summary>One analysis of the report: one distance-decay d0, or the telemetry network.</summary>
/// <param name="DistanceKm">d0 in km, or null for telemetry links.</param>
/// <param name="Network">The network analysed.</param>
/// <param name="Result">The library's result.</param>
/// <param name="Links">The links written and drawn (see <see cref="ConnectivityReport.MinimumLinkProbability"/>).</param>
public sealed record ReportRun(double? DistanceKm, SiteNetwork Network, ConnectivityResult Result, IReadOnlyList<ReportLink> Links)
{
    /// <summary>"d100km", or "telemetry": ids and folder-safe names.</summary>
    public string Key => DistanceKm is { } d ? ConnectivityFiles.FolderName(d) : "telemetry";

    /// <summary>Where the run's links come from: "telemetry" or "distance decay".</summary>
    public string Source => DistanceKm is null ? "telemetry" : "distance decay";

    /// <summary>"d0 = 100 km" or "telemetry links".</summary>
    public string Label => DistanceKm is { } d ? $"d0 = {Format.Number(d)} km" : "telemetry links";

    /// <summary>The bootstrap intervals over the birds (telemetry runs with --bootstrap &gt; 0), or null.</summary>
    public RunBootstrap? Bootstrap { get; init; }

    /// <summary>PC and EC with reachability at any later stay (telemetry runs with --reachability), or null.</summary>
    public RunReachability? Reachability { get; init; }
}
