namespace Neaspec.Survey.Report;

/// <summary>Which links a report used and why, in words for the console, the summary files and the page: a report
/// never switches link model silently.</summary>
/// <param name="Choice">The links used.</param>
/// <param name="Asked">True when the run asked for them (<c>--links</c>), false when the default chose.</param>
/// <param name="Reason">Why, e.g. "default: the season has tracks (8,715 fixes of 2 tagged birds), so both".</param>
public sealed record LinkDecision(LinkChoice Choice, bool Asked, string Reason)
{
    /// <summary>True when a telemetry run is computed.</summary>
    public bool UsesTelemetry => Choice is LinkChoice.Telemetry or LinkChoice.Both;

    /// <summary>True when distance-decay runs are computed.</summary>
    public bool UsesDistance => Choice is LinkChoice.Distance or LinkChoice.Both;

    /// <summary>"telemetry", "distance decay" or "telemetry and distance decay".</summary>
    public string Text => Choice switch
    {
        LinkChoice.Telemetry => "telemetry",
        LinkChoice.Distance => "distance decay",
        _ => "telemetry and distance decay",
    };

    /// <summary>The <c>--links</c> value of a choice: telemetry, distance or both.</summary>
    public static string Option(LinkChoice choice) => choice switch
    {
        LinkChoice.Telemetry => "telemetry",
        LinkChoice.Distance => "distance",
        _ => "both",
    };

    /// <summary>Parses a <c>--links</c> value (case-insensitive, trimmed); null when it is not one.</summary>
    public static LinkChoice? Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "telemetry" => LinkChoice.Telemetry,
        "distance" => LinkChoice.Distance,
        "both" => LinkChoice.Both,
        _ => null,
    };
}
