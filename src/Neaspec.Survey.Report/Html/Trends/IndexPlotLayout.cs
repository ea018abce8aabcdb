namespace Neaspec.Survey.Report.Html.Trends;

/// <summary>
/// Indices against years, on one pair of axes: the flyway index with its confidence band (IndexPlot.razor) or one
/// curve per stratum (StrataPlot.razor). The band is the imputed index ± 1.96 SE (TRIM's standard errors, normal
/// approximation, cut at 0). The components only place what this computes.
/// </summary>
internal sealed class IndexPlotLayout
{
    public const double Width = 760;
    public const double Height = 320;
    public const double Left = 56;
    public const double Right = 20;
    public const double Top = 16;
    public const double Bottom = 42;

    /// <summary>The z of a two-sided 95 % interval.</summary>
    public const double Z95 = 1.959963984540054;

    private readonly int first;
    private readonly int last;

    public IndexPlotLayout(IReadOnlyList<int> years, IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(years);
        first = years[0];
        last = years[^1];
        var max = values.Where(double.IsFinite).DefaultIfEmpty(1).Max();
        YMax = PlotScale.NiceCeiling(Math.Max(max, 1) * 1.05);
    }

    /// <summary>The top of the y axis, a round number above every value and above 1.</summary>
    public double YMax { get; }

    /// <summary>The band's upper limit for an index and its SE.</summary>
    public static double Upper(double index, double se) => index + (Z95 * se);

    /// <summary>The band's lower limit, at least 0.</summary>
    public static double Lower(double index, double se) => Math.Max(0, index - (Z95 * se));

    /// <summary>x of a year.</summary>
    public double X(int year) => first == last
        ? Left + ((Width - Left - Right) / 2)
        : Left + 10 + ((year - first) * (Width - Left - Right - 20) / (last - first));

    /// <summary>y of an index.</summary>
    public double Y(double value) => Top + ((Height - Top - Bottom) * (1 - (value / YMax)));

    /// <summary>"x,y x,y ..." through the finite values; a year whose value is not finite breaks nothing, it is left out.</summary>
    public string Line(IEnumerable<(int Year, double Value)> points) =>
        string.Join(' ', points.Where(p => double.IsFinite(p.Value)).Select(p => Svg.N(X(p.Year)) + "," + Svg.N(Y(p.Value))));

    /// <summary>The band's polygon: the upper limits left to right, then the lower limits right to left.</summary>
    public string Band(IEnumerable<(int Year, double Index, double Se)> points)
    {
        var finite = points.Where(p => double.IsFinite(p.Index) && double.IsFinite(p.Se)).ToList();
        return string.Join(' ', finite.Select(p => Svg.N(X(p.Year)) + "," + Svg.N(Y(Upper(p.Index, p.Se))))
            .Concat(finite.AsEnumerable().Reverse().Select(p => Svg.N(X(p.Year)) + "," + Svg.N(Y(Lower(p.Index, p.Se))))));
    }

    /// <summary>Years to label on the x axis: every year up to 13 years, else every second or fifth.</summary>
    public IEnumerable<int> YearTicks()
    {
        var step = last - first <= 12 ? 1 : last - first <= 30 ? 2 : 5;
        for (var y = first; y <= last; y += step)
        {
            yield return y;
        }
    }
}
