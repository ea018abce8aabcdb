using Neaspec.Survey.Connectivity;

namespace Neaspec.Survey.Report.Html;

/// <summary>
/// The dPC fraction plot of one run: a stacked bar per site (intra, flux, connector; Saura &amp; Rubio 2010),
/// the largest dPC first, at most <see cref="MaximumBars"/> sites. DpcPlot.razor only places these.
/// </summary>
internal sealed class DpcPlotLayout
{
    /// <summary>Sites in the plot (the largest dPC first); every site is in the ranking and nodes.csv.</summary>
    public const int MaximumBars = 40;

    public const double Left = 190;
    public const double Right = 20;
    public const double Top = 30;
    public const double RowHeight = 22;
    public const double Width = 560;

    /// <summary>The three fractions' names and colours, in stacking order.</summary>
    public static IReadOnlyList<(string Name, string Colour)> Fractions { get; } =
        [("intra", Palette.Intra), ("flux", Palette.Flux), ("connector", Palette.Connector)];

    private DpcPlotLayout(int sites, double height, double max)
    {
        Sites = sites;
        Height = height;
        Max = max;
    }

    /// <summary>Sites in the run (the plot may show fewer).</summary>
    public int Sites { get; }

    public double Height { get; }

    /// <summary>The axis maximum, a round number at or above the largest dPC.</summary>
    public double Max { get; }

    /// <summary>The width of the bars' area.</summary>
    public static double Plot => Width - Left - Right;

    public List<Bar> Bars { get; } = [];

    /// <summary>One site's row: its name (cut at 26 characters), segments left to right, its dPC after them and, with a
    /// bootstrap, the error bar of dPC's interval.</summary>
    public sealed record Bar(string Code, string Name, string ShortName, double Y, IReadOnlyList<Segment> Segments, double ValueX, double DPC,
        ErrorBar? Error = null);

    /// <summary>The bootstrap interval of a site's dPC, from x <paramref name="X1"/> (low) to <paramref name="X2"/> (high).</summary>
    public sealed record ErrorBar(double X1, double X2, double Low, double High);

    /// <summary>One fraction of a site's bar.</summary>
    public sealed record Segment(double X, double Width, string Colour, string Fraction, double Value);

    /// <summary>x of a dPC value on the axis.</summary>
    public double X(double dpc) => Left + (Plot * dpc / Max);

    /// <summary>The plot of <paramref name="run"/>.</summary>
    public static DpcPlotLayout Of(ConnectivityReport report, ReportRun run)
    {
        var lang = report.Inputs.Request.Language;
        var all = report.Ranking(run);
        var rows = all.Take(MaximumBars).ToArray();
        var intervals = run.Bootstrap?.Sites;
        double High(string site) => intervals?[site].DPC.High is { } h && double.IsFinite(h) ? h : 0;
        var layout = new DpcPlotLayout(all.Count, Top + (rows.Length * RowHeight) + 34,
            PlotScale.NiceCeiling(Math.Max(rows.Max(r => Math.Max(r.Values.DPC, High(r.Node.Id))), 1e-9)));
        var y = Top;
        foreach (var (_, node, v, site) in rows)
        {
            var name = site.Name(lang);
            var x = Left;
            var segments = new List<Segment>();
            foreach (var ((fraction, colour), part) in Fractions.Zip([v.DPCintra, v.DPCflux, v.DPCconnector]))
            {
                var w = Plot * Math.Max(part, 0) / layout.Max;
                if (w > 0)
                {
                    segments.Add(new Segment(x, w, colour, fraction, part));
                }
                x += w;
            }
            var ci = intervals?[node.Id].DPC;
            var error = ci is { } c && double.IsFinite(c.Low) ? new ErrorBar(layout.X(c.Low), layout.X(c.High), c.Low, c.High) : null;
            layout.Bars.Add(new Bar(node.Id, name, name.Length > 26 ? name[..25] + "…" : name, y, segments, Math.Max(x, error?.X2 ?? x) + 4, v.DPC, error));
            y += RowHeight;
        }
        return layout;
    }
}
