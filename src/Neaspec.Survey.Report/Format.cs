using System.Globalization;

namespace Neaspec.Survey.Report;

/// <summary>Number formats of the outputs: invariant culture everywhere.</summary>
internal static class Format
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Round-trip text of a double, for files a script reads back.</summary>
    public static string Exact(double value) => value.ToString("R", Invariant);

    /// <summary>A short number as written by a person: 100, 12.5.</summary>
    public static string Number(double value) => value.ToString("0.###", Invariant);

    /// <summary>Fixed decimals.</summary>
    public static string Fixed(double value, int decimals) => value.ToString("F" + decimals.ToString(Invariant), Invariant);

    /// <summary>Thousands separated integer-like count.</summary>
    public static string Count(double value) => value.ToString("#,0.##", Invariant);

    /// <summary>A share (0-1) as a percentage with one decimal.</summary>
    public static string Percent(double share) => (100 * share).ToString("0.0", Invariant) + " %";
}
