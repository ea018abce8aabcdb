using Neaspec.Survey.Report.Migratory;

namespace Neaspec.Survey.Report.Html;

/// <summary>
/// The MC section's map: origin regions (circles sized by relative abundance), target regions (squares), and a flow
/// from each origin to each target its birds went to, as wide as the share of the population it stands for
/// (r_i psi_ij) and curved so flows in opposite directions do not overlap. MigratorySection.razor only places these.
/// </summary>
internal sealed class FlowMapLayout
{
    public const double Width = 960;
    public const double Height = 560;

    private FlowMapLayout(MapFrame frame) => Frame = frame;

    public MapFrame Frame { get; }

    public IReadOnlyList<(string Name, string Path)> Countries { get; private set; } = [];

    /// <summary>Flows, the weakest first (so the strongest are drawn on top).</summary>
    public List<Flow> Flows { get; } = [];

    public List<Place> Places { get; } = [];

    /// <summary>An origin-to-target flow: SVG path data, stroke width and its tooltip.</summary>
    public sealed record Flow(string Origin, string Target, string Path, double StrokeWidth, string Title);

    /// <summary>A region: its position, size and whether it is an origin (circle) or a target (square).</summary>
    public sealed record Place(string Id, bool IsOrigin, double X, double Y, double Radius, string Title);

    /// <summary>The map of <paramref name="analysis"/> (which has an estimate).</summary>
    public static FlowMapLayout Of(MigratoryAnalysis analysis)
    {
        var inputs = analysis.Inputs;
        var regions = inputs.Origins.Concat(inputs.Targets).ToArray();
        var layout = new FlowMapLayout(MapFrame.Fit(regions.Select(r => (r.Longitude, r.Latitude)), Width, Height));
        layout.Countries = WorldMap.CountryPaths(layout.Frame);
        var estimate = analysis.Estimate!;
        var relative = Connectivity.Migratory.MigratoryConnectivity.Normalise(inputs.Origins.Select(o => o.Abundance ?? 0).ToArray());
        var flows = new List<(double Share, Flow Flow)>();
        for (var i = 0; i < inputs.Origins.Count; i++)
        {
            for (var j = 0; j < inputs.Targets.Count; j++)
            {
                var birds = estimate.Transitions.Counts[i, j];
                if (birds == 0)
                {
                    continue;
                }
                var (o, t) = (inputs.Origins[i], inputs.Targets[j]);
                var share = relative[i] * estimate.Point.Psi[i, j];
                var (x1, y1) = layout.Frame.Project(o.Longitude, o.Latitude);
                var (x2, y2) = layout.Frame.Project(t.Longitude, t.Latitude);
                var title = $"{o.Id} → {t.Id}: {birds} {(birds == 1 ? "bird" : "birds")}, psi = {Svg.G4(estimate.Point.Psi[i, j])}, "
                    + $"{Format.Percent(share)} of the origin population";
                flows.Add((share, new Flow(o.Id, t.Id, Curve(x1, y1, x2, y2), 1 + (14 * Math.Sqrt(share)), title)));
            }
        }
        layout.Flows.AddRange(flows.OrderBy(f => f.Share).Select(f => f.Flow));
        for (var i = 0; i < inputs.Origins.Count; i++)
        {
            var o = inputs.Origins[i];
            var (x, y) = layout.Frame.Project(o.Longitude, o.Latitude);
            layout.Places.Add(new Place(o.Id, true, x, y, 4 + (18 * Math.Sqrt(relative[i])),
                $"origin {o.Id}: {o.Birds} {(o.Birds == 1 ? "bird" : "birds")}, abundance {Format.Count(o.Abundance ?? 0)} ({Format.Percent(relative[i])})"));
        }
        foreach (var t in inputs.Targets)
        {
            var (x, y) = layout.Frame.Project(t.Longitude, t.Latitude);
            layout.Places.Add(new Place(t.Id, false, x, y, 6, $"target {t.Id}: {t.Birds} {(t.Birds == 1 ? "bird" : "birds")}"));
        }
        return layout;
    }

    /// <summary>A quadratic curve bending to the left of the direction of travel.</summary>
    private static string Curve(double x1, double y1, double x2, double y2)
    {
        var (dx, dy) = (x2 - x1, y2 - y1);
        var (cx, cy) = (((x1 + x2) / 2) + (dy * 0.15), ((y1 + y2) / 2) - (dx * 0.15));
        return $"M{Svg.N(x1)} {Svg.N(y1)} Q{Svg.N(cx)} {Svg.N(cy)} {Svg.N(x2)} {Svg.N(y2)}";
    }
}
