using System.Globalization;
using Neaspec.Survey.Connectivity;

namespace Neaspec.Survey.Report.Html;

/// <summary>
/// Where everything on one run's map goes, in SVG user units (Web Mercator fitted to the sites, see
/// <see cref="MapFrame"/>): graticule, country outlines, links (weakest first, so the strongest are drawn on
/// top), sites (heaviest first) and the names of the heaviest sites. SiteMap.razor only places these.
/// </summary>
internal sealed class MapLayout
{
    public const double Width = 960;
    public const double Height = 620;

    /// <summary>Sites named on the map (the heaviest first); the others have their name as a tooltip.</summary>
    public const int MaximumLabels = 30;

    private MapLayout(MapFrame frame) => Frame = frame;

    /// <summary>The projection.</summary>
    public MapFrame Frame { get; }

    /// <summary>Meridians and parallels every 5 or 10 degrees.</summary>
    public List<Line> Graticule { get; } = [];

    /// <summary>Their degrees, along the top and left edges.</summary>
    public List<Label> GraticuleLabels { get; } = [];

    /// <summary>Country outlines (name, SVG path data) clipped to the frame.</summary>
    public IReadOnlyList<(string Name, string Path)> Countries { get; private set; } = [];

    /// <summary>The drawn links, weakest first.</summary>
    public List<Link> Links { get; } = [];

    /// <summary>Every site, heaviest first.</summary>
    public List<Site> Sites { get; } = [];

    /// <summary>Names of the <see cref="MaximumLabels"/> heaviest sites.</summary>
    public List<Label> Labels { get; } = [];

    /// <summary>A straight line.</summary>
    public sealed record Line(double X1, double Y1, double X2, double Y2);

    /// <summary>A text at (X, Y), its end there when <paramref name="AlignEnd"/>.</summary>
    public sealed record Label(double X, double Y, string Text, bool AlignEnd = false);

    /// <summary>A link: a straight line, or for directed networks an arc (SVG path data) ending at the target's edge;
    /// <paramref name="Weak"/> for a telemetry link seen in fewer than 3 tagged birds (drawn dashed).</summary>
    public sealed record Link(Line Line, string? Arc, double StrokeWidth, double Opacity, string Title, bool Weak = false);

    /// <summary>A site's circle: area by weight, colour by dPC; <paramref name="Candidate"/> for an unnamed candidate
    /// site (dashed ring).</summary>
    public sealed record Site(string Code, double X, double Y, double Radius, string Fill, string Title, bool Candidate = false);

    /// <summary>The circle radius of a weight: its area grows with the weight, 3.5 px for none.</summary>
    public static double Radius(double weight, double maxWeight) => 3.5 + (22 * Math.Sqrt(Math.Max(weight, 0) / maxWeight));

    /// <summary>The map of <paramref name="run"/>.</summary>
    public static MapLayout Of(ConnectivityReport report, ReportRun run)
    {
        var nodes = run.Network.Nodes;
        var layout = new MapLayout(MapFrame.Fit(nodes.Select(n => (n.Longitude, n.Latitude)), Width, Height));
        layout.AddGraticule();
        layout.Countries = WorldMap.CountryPaths(layout.Frame);
        layout.AddLinks(report, run);
        layout.AddSites(report, run);
        return layout;
    }

    private void AddGraticule()
    {
        var e = Frame.Extent;
        var step = e.Width > 40 ? 10 : 5;
        for (var lon = Math.Ceiling(e.MinX / step) * step; lon <= e.MaxX; lon += step)
        {
            var (x, _) = Frame.Project(lon, 0);
            Graticule.Add(new Line(x, 0, x, Height));
            GraticuleLabels.Add(new Label(x + 3, 14, Math.Abs(lon).ToString(CultureInfo.InvariantCulture) + (lon >= 0 ? "°E" : "°W")));
        }
        for (var lat = Math.Ceiling(e.MinY / step) * step; lat <= e.MaxY; lat += step)
        {
            var (_, y) = Frame.Project(0, lat);
            Graticule.Add(new Line(0, y, Width, y));
            GraticuleLabels.Add(new Label(4, y - 3, Math.Abs(lat).ToString(CultureInfo.InvariantCulture) + (lat >= 0 ? "°N" : "°S")));
        }
    }

    private void AddLinks(ConnectivityReport report, ReportRun run)
    {
        var lang = report.Inputs.Request.Language;
        var byId = run.Network.Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        var maxWeight = Math.Max(run.Network.Nodes.Max(n => n.Weight), double.Epsilon);
        var maxFlux = run.Links.Count > 0 ? Math.Max(run.Links.Max(l => l.Flux), double.Epsilon) : 1;
        var arrow = run.Network.IsDirected ? " → " : " – ";
        foreach (var link in run.Links.Reverse())
        {
            var a = byId[link.From];
            var b = byId[link.To];
            var (x1, y1) = Frame.Project(a.Longitude, a.Latitude);
            var (x2, y2) = Frame.Project(b.Longitude, b.Latitude);
            var share = Math.Sqrt(link.Flux / maxFlux);
            var title = report.Inputs.Sites[link.From].Name(lang) + arrow + report.Inputs.Sites[link.To].Name(lang)
                + $": {Format.Number(link.LengthKm)} km, p = {Svg.G4(link.Probability)}, flux a·a·p = {Svg.G4(link.Flux)}"
                + BirdsText(link);
            var arc = run.Network.IsDirected ? Arc(x1, y1, x2, y2, Radius(b.Weight, maxWeight)) : null;
            Links.Add(new Link(new Line(x1, y1, x2, y2), arc, 0.6 + (10 * share), 0.25 + (0.55 * share), title, link.FewIndividuals == true));
        }
    }

    /// <summary>", 2 of 5 birds (fewer than 3: weak), 1 across a gap in the data" for a telemetry link.</summary>
    private static string BirdsText(ReportLink link)
    {
        if (link.Individuals is not { } birds)
        {
            return "";
        }
        var of = link.Present is { } present ? $" of {present}" : "";
        var weak = link.FewIndividuals == true ? $" (fewer than {TelemetryLink.FewIndividualsBelow}: weak)" : "";
        var gap = link.AcrossGap is > 0 ? $", {link.AcrossGap} across a gap in the data" : "";
        return $", {birds}{of} {(birds == 1 && of.Length == 0 ? "bird" : "birds")}{weak}{gap}";
    }

    /// <summary>A directed link bends to its left, so i -> j and j -> i are two arcs, and stops at the
    /// target's edge (radius <paramref name="targetRadius"/>) so the arrow shows.</summary>
    private static string Arc(double x1, double y1, double x2, double y2, double targetRadius)
    {
        var (dx, dy) = (x2 - x1, y2 - y1);
        var length = Math.Max(Math.Sqrt((dx * dx) + (dy * dy)), 1e-9);
        var (ux, uy) = (dx / length, dy / length);
        var back = Math.Min(targetRadius + 2, length / 2);
        var (ex, ey) = (x2 - (ux * back), y2 - (uy * back));
        var (cx, cy) = (((x1 + ex) / 2) + (uy * 0.15 * length), ((y1 + ey) / 2) - (ux * 0.15 * length));
        return $"M{Svg.N(x1)} {Svg.N(y1)} Q{Svg.N(cx)} {Svg.N(cy)} {Svg.N(ex)} {Svg.N(ey)}";
    }

    private void AddSites(ConnectivityReport report, ReportRun run)
    {
        var lang = report.Inputs.Request.Language;
        var nodes = run.Network.Nodes;
        var maxWeight = Math.Max(nodes.Max(n => n.Weight), double.Epsilon);
        var maxDpc = Math.Max(run.Result.PerNode.Max(v => v.DPC), double.Epsilon);
        var order = nodes.Select((n, idx) => (Node: n, Values: run.Result.PerNode[idx])).OrderByDescending(x => x.Node.Weight).ToArray();
        var labelled = order.Take(MaximumLabels).Select(x => x.Node.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (node, v) in order)
        {
            var (x, y) = Frame.Project(node.Longitude, node.Latitude);
            var r = Radius(node.Weight, maxWeight);
            var site = report.Inputs.Sites[node.Id];
            var name = site.Name(lang);
            var kind = site.IsCandidate
                ? $"\ncandidate site (tagged birds' stays at no known site), {Format.Fixed(node.Longitude, 3)}, {Format.Fixed(node.Latitude, 3)}"
                : report.Inputs.UnvisitedSites?.Contains(node.Id, StringComparer.Ordinal) == true ? "\ncounted, no tagged bird stayed here" : "";
            var title = $"{name} ({node.Id}){kind}\nweight {Format.Count(node.Weight)}\ndPC {Format.Fixed(v.DPC, 2)} % (intra {Format.Fixed(v.DPCintra, 2)}, "
                + $"flux {Format.Fixed(v.DPCflux, 2)}, connector {Format.Fixed(v.DPCconnector, 2)})";
            Sites.Add(new Site(node.Id, x, y, r, Palette.Site(node.Weight, v.DPC, maxDpc), title, site.IsCandidate));
            if (labelled.Contains(node.Id))
            {
                // A rough text width (CJK glyphs are about twice as wide) decides whether the name fits on the right.
                var textWidth = name.Sum(ch => ch > 0x2E80 ? 12.0 : 6.6);
                var flip = x + r + 4 + textWidth > Width - 4;
                Labels.Add(new Label(flip ? x - r - 4 : x + r + 4, y + 4, name, flip));
            }
        }
    }
}
