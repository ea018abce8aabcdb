namespace Neaspec.Survey.Report.Html;

/// <summary>
/// EC(PC) against the median dispersal distance d0, one point per distance-decay run, between the bounds
/// √Σa² (no links: every bird isolated) and Σa (every site fully reachable); x on a log scale when the
/// distances span more than a factor of 4. EcPlot.razor only places these.
/// </summary>
internal sealed class EcPlotLayout
{
    public const double Width = 560;
    public const double Height = 300;
    public const double Left = 64;
    public const double Right = 24;
    public const double Top = 20;
    public const double Bottom = 46;

    private readonly double dMin;
    private readonly double dMax;

    private EcPlotLayout(IReadOnlyList<ReportRun> runs, double upper, double lower)
    {
        Runs = runs;
        Upper = upper;
        Lower = lower;
        YMax = PlotScale.NiceCeiling(upper * 1.05);
        dMin = runs[0].DistanceKm!.Value;
        dMax = runs[^1].DistanceKm!.Value;
        Log = dMax / dMin > 4;
    }

    /// <summary>The distance-decay runs, by d0.</summary>
    public IReadOnlyList<ReportRun> Runs { get; }

    /// <summary>Σa: EC when every site is fully reachable.</summary>
    public double Upper { get; }

    /// <summary>√Σa²: EC without links.</summary>
    public double Lower { get; }

    public double YMax { get; }

    /// <summary>True when x is log(d0).</summary>
    public bool Log { get; }

    /// <summary>The plot of the report's distance-decay runs, or null for telemetry (no distance to vary).</summary>
    public static EcPlotLayout? Of(ConnectivityReport report)
    {
        var runs = report.Runs.Where(r => r.DistanceKm is not null).OrderBy(r => r.DistanceKm).ToArray();
        if (runs.Length == 0)
        {
            return null;
        }
        var nodes = report.Inputs.Nodes;
        return new EcPlotLayout(runs, nodes.Sum(n => n.Weight), Math.Sqrt(nodes.Sum(n => n.Weight * n.Weight)));
    }

    /// <summary>x of a distance.</summary>
    public double X(double d)
    {
        if (dMax == dMin)
        {
            return Left + ((Width - Left - Right) / 2);
        }
        var t = Log ? Math.Log(d / dMin) / Math.Log(dMax / dMin) : (d - dMin) / (dMax - dMin);
        return Left + (20 + (t * (Width - Left - Right - 40)));
    }

    /// <summary>y of an EC value.</summary>
    public double Y(double value) => Top + ((Height - Top - Bottom) * (1 - (value / YMax)));

    /// <summary>The polyline through the runs' EC.</summary>
    public string Points => string.Join(' ', Runs.Select(r => Svg.N(X(r.DistanceKm!.Value)) + "," + Svg.N(Y(r.Result.EC))));
}
