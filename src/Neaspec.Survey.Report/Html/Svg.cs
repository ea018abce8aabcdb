using System.Globalization;

namespace Neaspec.Survey.Report.Html;

/// <summary>Numbers as the page's SVG and style attributes hold them: invariant, at most two decimals (a
/// hundredth of a pixel is finer than any screen), so the page stays small.</summary>
internal static class Svg
{
    /// <summary>A coordinate or length: 12.35, 960.</summary>
    public static string N(double value) => Math.Round(value, 2).ToString(CultureInfo.InvariantCulture);

    /// <summary>Four significant digits, for p, flux, PC and BC in tooltips and cells: 0.5026, 1.2E-05.</summary>
    public static string G4(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
