namespace Neaspec.Survey.Report;

/// <summary>Where a report's links come from (<c>--links</c>).</summary>
public enum LinkChoice
{
    /// <summary>Telemetry only: p_ij from the tagged birds' moves between stays (one directed run).</summary>
    Telemetry,

    /// <summary>Distance decay only: p_ij = exp(-k d_ij), one run per d0.</summary>
    Distance,

    /// <summary>Both: the telemetry run and the distance-decay runs, over the same nodes, side by side.</summary>
    Both,
}
