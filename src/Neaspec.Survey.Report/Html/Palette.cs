using System.Globalization;

namespace Neaspec.Survey.Report.Html;

/// <summary>The page's colours, colour-blind safe: a YlOrRd ramp for dPC (ColorBrewer) and the Okabe-Ito
/// colours for the three dPC fractions.</summary>
internal static class Palette
{
    /// <summary>The dPC ramp, lowest first.</summary>
    public static IReadOnlyList<string> Ramp { get; } = ["#ffffcc", "#fed976", "#fd8d3c", "#e31a1c", "#800026"];

    public const string Intra = "#0072b2";
    public const string Flux = "#e69f00";
    public const string Connector = "#009e73";

    /// <summary>A site with weight 0 has no dPC to colour.</summary>
    public const string NoWeight = "#ffffff";

    /// <summary>The ramp's colour at <paramref name="t"/> in [0, 1] (clamped; NaN is 0), linear in RGB between stops.</summary>
    public static string Colour(double t)
    {
        t = Math.Clamp(double.IsFinite(t) ? t : 0, 0, 1) * (Ramp.Count - 1);
        var k = Math.Min((int)Math.Floor(t), Ramp.Count - 2);
        var f = t - k;
        int Channel(string hex, int at) => Convert.ToInt32(hex.Substring(1 + (2 * at), 2), 16);
        var rgb = Enumerable.Range(0, 3).Select(c => (int)Math.Round(Channel(Ramp[k], c) + (f * (Channel(Ramp[k + 1], c) - Channel(Ramp[k], c)))));
        return "#" + string.Concat(rgb.Select(v => v.ToString("x2", CultureInfo.InvariantCulture)));
    }

    /// <summary>A site's colour: by its dPC against the run's largest, white when it weighs nothing.</summary>
    public static string Site(double weight, double dpc, double maxDpc) => weight > 0 ? Colour(dpc / maxDpc) : NoWeight;
}
