using System.Globalization;
using Neaspec.Survey.Connectivity;

namespace Neaspec.Survey.Report;

/// <summary>The command that reproduces a report, every choice spelled out (the links as resolved, the thresholds when
/// the run has telemetry), so a later default cannot change what it computes.</summary>
internal static class ReportCommandLine
{
    public static string Of(ConnectivityInputs inputs)
    {
        var r = inputs.Request;
        var parts = new List<string>
        {
            "neaspec report connectivity", $"--species {Quote(inputs.Species)}", $"--season {inputs.Window.Season.Name}",
            $"--year {inputs.Window.Year.ToString(CultureInfo.InvariantCulture)}",
        };
        if (r.Window is not null)
        {
            parts.Add($"--window {inputs.Window.Season.Start}..{inputs.Window.Season.End}");
        }
        if (r.TimeZone is not null)
        {
            parts.Add($"--time-zone {inputs.Window.Season.TimeZone}");
        }
        parts.Add($"--links {LinkDecision.Option(inputs.Links.Choice)}");
        if (inputs.Links.UsesDistance)
        {
            parts.Add($"--distance-km {string.Join(",", r.DistancesKm.Select(Format.Number))}");
        }
        if (inputs.Telemetry is not null)
        {
            parts.AddRange(Thresholds(r.Stays, r.SiteAssignment).Select(t => $"--{t.Option} {Format.Number(t.Value)}"));
        }
        parts.Add($"--weight {WeightingNames.Option(r.Weighting)}");
        if (r.AreaTotal is { } total)
        {
            parts.Add($"--area-total {Format.Exact(total)}");
        }
        if (r.Sensitivity)
        {
            parts.Add("--sensitivity");
        }
        parts.Add($"--lang {r.Language} --out DIR");
        return string.Join(" ", parts);
    }

    /// <summary>The five telemetry thresholds by option name, in km and hours.</summary>
    public static IReadOnlyList<(string Option, double Value, string Unit, string Meaning)> Thresholds(StayOptions stays, SiteAssignmentOptions sites) =>
    [
        ("stay-radius-km", stays.RadiusKm, "km", "an hour's position within this distance of a stay's centre is at the place"),
        ("min-stay-hours", stays.MinimumDuration.TotalHours, "h", "a stay lasts at least this long; an excursion away may last as long"),
        ("max-gap-hours", stays.MaxGap.TotalHours, "h", "a stay never spans two fixes further apart; a move across a longer gap is marked"),
        ("site-distance-km", sites.MaxDistanceKm, "km", "a stay no site polygon holds belongs to the nearest site point within this distance"),
        ("cluster-distance-km", sites.ClusterDistanceKm, "km", "stays at no known site closer than this form one candidate site"),
    ];

    private static string Quote(string text) => "\"" + text.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"";
}
