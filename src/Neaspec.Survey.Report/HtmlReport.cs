using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;
using Neaspec.Survey.Connectivity;

namespace Neaspec.Survey.Report;

/// <summary>
/// report.html: one self-contained page (inline CSS and SVG, no script, no web requests) with the map, the
/// ranking, the dPC fractions, the country-pair matrix, connectivity against distance and the inputs.
/// Each run (distance) has a panel; CSS-only tabs switch between them. Every number shown in a table also
/// sits in its cell's data-value attribute in round-trip precision, so tests and scripts read the exact value.
/// </summary>
public static class HtmlReport
{
    private const double MapWidth = 960;
    private const double MapHeight = 620;

    /// <summary>Sites in the dPC fraction plot (the largest dPC first).</summary>
    private const int MaximumBars = 40;

    /// <summary>Sites named on the map (the heaviest first); the others have their name as a tooltip.</summary>
    private const int MaximumLabels = 30;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    // Colour-blind safe: dPC colour ramp (YlOrRd) and the three fractions (Okabe-Ito).
    private static readonly string[] Ramp = ["#ffffcc", "#fed976", "#fd8d3c", "#e31a1c", "#800026"];
    private const string IntraColour = "#0072b2";
    private const string FluxColour = "#e69f00";
    private const string ConnectorColour = "#009e73";

    /// <summary>Writes DIR/report.html.</summary>
    public static async Task WriteAsync(ConnectivityReport report, string directory, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "report.html"), Render(report), new UTF8Encoding(false), cancellationToken);
    }

    /// <summary>The page as text.</summary>
    public static string Render(ConnectivityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var i = report.Inputs;
        var lang = i.Request.Language;
        var sb = new StringBuilder();
        var title = $"{i.SpeciesName} — connectivity, {i.Window.Season.Name} {i.Window.Year}";
        sb.Append("<!DOCTYPE html>\n<html lang=\"").Append(lang).Append("\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(E(title)).Append("</title>\n<style>\n").Append(Css(report)).Append("</style>\n</head>\n<body>\n");

        Header(sb, report);
        sb.Append("<main>\n");
        Runs(sb, report);
        Thresholds(sb, report);
        Inputs(sb, report);
        sb.Append("</main>\n");
        Footer(sb);
        sb.Append("</body>\n</html>\n");
        return sb.ToString();
    }

    /// <summary>The run whose tab is open when the page loads: the largest d0 (the most connected view).</summary>
    public static ReportRun OpenRun(ConnectivityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Runs.OrderByDescending(r => r.DistanceKm ?? 0).First();
    }

    private static void Header(StringBuilder sb, ConnectivityReport report)
    {
        var i = report.Inputs;
        sb.Append("<header>\n<p class=\"kicker\">Neaspec · habitat connectivity report</p>\n<h1>").Append(E(i.SpeciesName));
        if (!string.Equals(i.SpeciesName, i.Species, StringComparison.Ordinal))
        {
            sb.Append(" <i>").Append(E(i.Species)).Append("</i>");
        }
        sb.Append("</h1>\n<p class=\"sub\">").Append(E(i.Window.Season.Name)).Append(' ').Append(i.Window.Year).Append(" · ")
            .Append(i.Window.From.ToString("d MMM yyyy", Invariant)).Append(" – ").Append(i.Window.To.ToString("d MMM yyyy", Invariant))
            .Append(" · links from ").Append(report.LinkSource).Append(" · node weight: ").Append(WeightingNames.Text(i.Request.Weighting))
            .Append("</p>\n<div class=\"cards\">\n");
        Card(sb, "sites", i.Nodes.Count.ToString(Invariant), "in the network");
        Card(sb, "total weight", Format.Count(i.Nodes.Sum(n => n.Weight)), i.Request.Weighting == NodeWeighting.PeakCount ? "birds (sum of site peaks)" : "A_L");
        Card(sb, "countries", i.Nodes.Select(n => n.Country).Distinct().Count().ToString(Invariant), string.Join(" ", i.Nodes.Select(n => n.Country).Distinct().Order()));
        var open = OpenRun(report);
        if (open.Result.CountryPairs is { } cp)
        {
            Card(sb, "crosses borders", Format.Percent(cp.TransboundaryShare), $"of connectivity, {open.Label}");
        }
        Card(sb, "EC(PC)", Format.Count(Math.Round(open.Result.EC)),
            $"equivalent connected {(i.Request.Weighting == NodeWeighting.Uniform ? "sites" : "birds")}, {open.Label}");
        sb.Append("</div>\n</header>\n");
    }

    private static void Card(StringBuilder sb, string label, string value, string note) =>
        sb.Append("<div class=\"card\"><div class=\"label\">").Append(E(label)).Append("</div><div class=\"value\">").Append(E(value))
            .Append("</div><div class=\"note\">").Append(E(note)).Append("</div></div>\n");

    private static void Runs(StringBuilder sb, ConnectivityReport report)
    {
        var open = OpenRun(report);
        sb.Append("<section id=\"runs\">\n<h2>Sites and links</h2>\n");
        if (report.Runs.Count > 1)
        {
            sb.Append("<p class=\"hint\">Links by distance decay p = exp(−k d), with p = ").Append(Format.Number(report.Inputs.Request.Probability))
                .Append(" at the median dispersal distance d0. Pick d0:</p>\n");
        }
        foreach (var run in report.Runs)
        {
            sb.Append("<input type=\"radio\" name=\"run\" class=\"tab\" id=\"tab-").Append(run.Key).Append('"')
                .Append(run == open ? " checked" : "").Append(">\n<label for=\"tab-").Append(run.Key).Append("\">")
                .Append(E(run.Label)).Append("</label>\n");
        }
        sb.Append("<div class=\"panels\">\n");
        foreach (var run in report.Runs)
        {
            sb.Append("<div class=\"panel\" id=\"panel-").Append(run.Key).Append("\" data-run=\"").Append(run.Key).Append("\">\n");
            sb.Append("<div class=\"mapbox\">\n");
            Map(sb, report, run);
            sb.Append("<aside>\n");
            MapLegend(sb, run);
            RunSummary(sb, run);
            sb.Append("</aside>\n</div>\n");
            sb.Append("<h3>Ranking by dPC</h3>\n");
            Ranking(sb, report, run);
            sb.Append("<div class=\"two\">\n<div>\n<h3>What each site contributes</h3>\n");
            FractionBars(sb, report, run);
            sb.Append("</div>\n<div>\n<h3>Connectivity between countries</h3>\n");
            CountryMatrix(sb, run);
            sb.Append("</div>\n</div>\n</div>\n");
        }
        sb.Append("</div>\n</section>\n");
    }

    private static void Map(StringBuilder sb, ConnectivityReport report, ReportRun run)
    {
        var lang = report.Inputs.Request.Language;
        var nodes = run.Network.Nodes;
        var frame = MapFrame.Fit(nodes.Select(n => (n.Longitude, n.Latitude)), MapWidth, MapHeight);
        var maxWeight = Math.Max(nodes.Max(n => n.Weight), double.Epsilon);
        var maxDpc = Math.Max(run.Result.PerNode.Max(v => v.DPC), double.Epsilon);
        var maxFlux = run.Links.Count > 0 ? Math.Max(run.Links.Max(l => l.Flux), double.Epsilon) : 1;
        var key = run.Key;

        sb.Append("<svg class=\"map\" data-run=\"").Append(key).Append("\" viewBox=\"0 0 ").Append(N(MapWidth)).Append(' ').Append(N(MapHeight))
            .Append("\" role=\"img\" aria-label=\"Map of the sites and links, ").Append(E(run.Label)).Append("\">\n")
            .Append("<defs><marker id=\"arrow-").Append(key)
            .Append("\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerUnits=\"userSpaceOnUse\" markerWidth=\"14\" markerHeight=\"14\" orient=\"auto\"><path d=\"M0 0L10 5L0 10z\" fill=\"#1d4e63\"/></marker>")
            .Append("<clipPath id=\"clip-").Append(key).Append("\"><rect width=\"").Append(N(MapWidth)).Append("\" height=\"").Append(N(MapHeight)).Append("\"/></clipPath></defs>\n")
            .Append("<g clip-path=\"url(#clip-").Append(key).Append(")\">\n<rect class=\"sea\" width=\"").Append(N(MapWidth)).Append("\" height=\"").Append(N(MapHeight)).Append("\"/>\n");

        var graticuleLabels = new StringBuilder();
        Graticule(sb, graticuleLabels, frame);
        sb.Append("<g class=\"countries\">\n");
        foreach (var (name, path) in WorldMap.CountryPaths(frame))
        {
            sb.Append("<path class=\"country\" d=\"").Append(path).Append("\"><title>").Append(E(name)).Append("</title></path>\n");
        }
        sb.Append("</g>\n<g class=\"graticule\">\n").Append(graticuleLabels).Append("</g>\n<g class=\"links\">\n");
        var byId = nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        foreach (var link in run.Links.Reverse())
        {
            var a = byId[link.From];
            var b = byId[link.To];
            var (x1, y1) = frame.Project(a.Longitude, a.Latitude);
            var (x2, y2) = frame.Project(b.Longitude, b.Latitude);
            var share = Math.Sqrt(link.Flux / maxFlux);
            var width = 0.6 + (10 * share);
            var opacity = 0.25 + (0.55 * share);
            string element;
            if (run.Network.IsDirected)
            {
                // Directed links bend to their left, so i -> j and j -> i are two arcs, and stop at the target's
                // edge so the arrow shows.
                var (dx, dy) = (x2 - x1, y2 - y1);
                var length = Math.Max(Math.Sqrt((dx * dx) + (dy * dy)), 1e-9);
                var (ux, uy) = (dx / length, dy / length);
                var back = Math.Min(Radius(b.Weight, maxWeight) + 2, length / 2);
                var (ex, ey) = (x2 - (ux * back), y2 - (uy * back));
                var (cx, cy) = (((x1 + ex) / 2) + (uy * 0.15 * length), ((y1 + ey) / 2) - (ux * 0.15 * length));
                element = "path";
                sb.Append("<path class=\"link\" d=\"M").Append(N(x1)).Append(' ').Append(N(y1)).Append(" Q").Append(N(cx)).Append(' ').Append(N(cy))
                    .Append(' ').Append(N(ex)).Append(' ').Append(N(ey)).Append("\" marker-end=\"url(#arrow-").Append(key).Append(")\"");
            }
            else
            {
                element = "line";
                sb.Append("<line class=\"link\" x1=\"").Append(N(x1)).Append("\" y1=\"").Append(N(y1)).Append("\" x2=\"").Append(N(x2))
                    .Append("\" y2=\"").Append(N(y2)).Append('"');
            }
            sb.Append(" stroke-width=\"").Append(N(width)).Append("\" stroke-opacity=\"").Append(N(opacity)).Append('"');
            sb.Append("><title>").Append(E(report.Inputs.Sites[link.From].Name(lang))).Append(run.Network.IsDirected ? " → " : " – ")
                .Append(E(report.Inputs.Sites[link.To].Name(lang))).Append(": ").Append(Format.Number(link.LengthKm)).Append(" km, p = ")
                .Append(link.Probability.ToString("G4", Invariant)).Append(", flux a·a·p = ").Append(link.Flux.ToString("G4", Invariant));
            if (link.Individuals is { } birds)
            {
                sb.Append(", ").Append(birds).Append(birds == 1 ? " bird" : " birds");
            }
            sb.Append("</title></").Append(element).Append(">\n");
        }
        sb.Append("</g>\n<g class=\"sites\">\n");
        var order = nodes.Select((n, idx) => (Node: n, Values: run.Result.PerNode[idx])).OrderByDescending(x => x.Node.Weight).ToArray();
        var labels = new StringBuilder();
        var labelled = order.Take(MaximumLabels).Select(x => x.Node.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var (node, values) in order)
        {
            var (x, y) = frame.Project(node.Longitude, node.Latitude);
            var r = Radius(node.Weight, maxWeight);
            var site = report.Inputs.Sites[node.Id];
            sb.Append("<circle class=\"site\" data-site=\"").Append(E(node.Id)).Append("\" cx=\"").Append(N(x)).Append("\" cy=\"").Append(N(y))
                .Append("\" r=\"").Append(N(r)).Append("\" fill=\"").Append(node.Weight > 0 ? Colour(values.DPC / maxDpc) : "#ffffff")
                .Append("\"><title>").Append(E(site.Name(lang))).Append(" (").Append(E(node.Id)).Append(")\nweight ").Append(Format.Count(node.Weight))
                .Append("\ndPC ").Append(Format.Fixed(values.DPC, 2)).Append(" % (intra ").Append(Format.Fixed(values.DPCintra, 2))
                .Append(", flux ").Append(Format.Fixed(values.DPCflux, 2)).Append(", connector ").Append(Format.Fixed(values.DPCconnector, 2))
                .Append(")</title></circle>\n");
            if (!labelled.Contains(node.Id))
            {
                continue;
            }
            var name = site.Name(lang);
            var textWidth = name.Sum(ch => ch > 0x2E80 ? 12.0 : 6.6);
            var flip = x + r + 4 + textWidth > MapWidth - 4;
            labels.Append("<text class=\"label\" x=\"").Append(N(flip ? x - r - 4 : x + r + 4)).Append("\" y=\"").Append(N(y + 4)).Append('"')
                .Append(flip ? " text-anchor=\"end\">" : ">")
                .Append(E(site.Name(lang))).Append("</text>\n");
        }
        sb.Append("</g>\n<g class=\"labels\">\n").Append(labels).Append("</g>\n</g>\n");
        sb.Append("<text class=\"credit\" x=\"").Append(N(MapWidth - 8)).Append("\" y=\"").Append(N(MapHeight - 8))
            .Append("\" text-anchor=\"end\">Borders: Natural Earth 1:50m · Web Mercator</text>\n</svg>\n");
    }

    private static void Graticule(StringBuilder sb, StringBuilder labels, MapFrame frame)
    {
        var e = frame.Extent;
        var step = e.Width > 40 ? 10 : 5;
        sb.Append("<g class=\"graticule\">\n");
        for (var lon = Math.Ceiling(e.MinX / step) * step; lon <= e.MaxX; lon += step)
        {
            var (x, _) = frame.Project(lon, 0);
            sb.Append("<line x1=\"").Append(N(x)).Append("\" y1=\"0\" x2=\"").Append(N(x)).Append("\" y2=\"").Append(N(MapHeight)).Append("\"/>\n");
            labels.Append("<text x=\"").Append(N(x + 3)).Append("\" y=\"14\">").Append(Math.Abs(lon).ToString(Invariant)).Append(lon >= 0 ? "°E" : "°W").Append("</text>\n");
        }
        for (var lat = Math.Ceiling(e.MinY / step) * step; lat <= e.MaxY; lat += step)
        {
            var (_, y) = frame.Project(0, lat);
            sb.Append("<line x1=\"0\" y1=\"").Append(N(y)).Append("\" x2=\"").Append(N(MapWidth)).Append("\" y2=\"").Append(N(y)).Append("\"/>\n");
            labels.Append("<text x=\"4\" y=\"").Append(N(y - 3)).Append("\">").Append(Math.Abs(lat).ToString(Invariant)).Append(lat >= 0 ? "°N" : "°S").Append("</text>\n");
        }
        sb.Append("</g>\n");
    }

    private static void MapLegend(StringBuilder sb, ReportRun run)
    {
        const double w = 260, h = 216;
        var key = run.Key;
        var maxDpc = Math.Max(run.Result.PerNode.Max(v => v.DPC), double.Epsilon);
        var maxWeight = Math.Max(run.Network.Nodes.Max(n => n.Weight), double.Epsilon);
        sb.Append("<svg class=\"legend\" viewBox=\"0 0 ").Append(N(w)).Append(' ').Append(N(h)).Append("\" role=\"img\" aria-label=\"Map legend\">\n")
            .Append("<defs><linearGradient id=\"ramp-").Append(key).Append("\">");
        for (var s = 0; s < Ramp.Length; s++)
        {
            sb.Append("<stop offset=\"").Append(N(100.0 * s / (Ramp.Length - 1))).Append("%\" stop-color=\"").Append(Ramp[s]).Append("\"/>");
        }
        sb.Append("</linearGradient></defs>\n")
            .Append("<text x=\"10\" y=\"18\" class=\"lt\">dPC (% of PC lost without the site)</text>\n")
            .Append("<rect x=\"10\" y=\"26\" width=\"240\" height=\"10\" fill=\"url(#ramp-").Append(key).Append(")\" class=\"bar\"/>\n")
            .Append("<text x=\"10\" y=\"50\">0</text><text x=\"250\" y=\"50\" text-anchor=\"end\">").Append(Format.Fixed(maxDpc, 1)).Append("</text>\n")
            .Append("<text x=\"10\" y=\"70\" class=\"lt\">circle area: node weight</text>\n");
        var cx = 10.0;
        foreach (var f in new[] { 1.0, 0.25, 0.05 })
        {
            var r = Radius(maxWeight * f, maxWeight);
            cx += r;
            sb.Append("<circle cx=\"").Append(N(cx)).Append("\" cy=\"").Append(N(130 - r)).Append("\" r=\"").Append(N(r)).Append("\" class=\"lc\"/>")
                .Append("<text x=\"").Append(N(cx)).Append("\" y=\"146\" text-anchor=\"middle\">").Append(Format.Count(Math.Round(maxWeight * f))).Append("</text>\n");
            cx += r + 28;
        }
        sb.Append("<text x=\"10\" y=\"170\" class=\"lt\">line width: flux a_i·a_j·p_ij").Append(run.Network.IsDirected ? " (→ direction)" : "").Append("</text>\n")
            .Append("<line x1=\"10\" y1=\"186\" x2=\"60\" y2=\"186\" class=\"link\" stroke-width=\"10.6\" stroke-opacity=\"0.8\"/><text x=\"68\" y=\"190\">strongest</text>\n")
            .Append("<line x1=\"130\" y1=\"186\" x2=\"160\" y2=\"186\" class=\"link\" stroke-width=\"1.5\" stroke-opacity=\"0.4\"/><text x=\"166\" y=\"190\">weak</text>\n")
            .Append("<text x=\"10\" y=\"210\" class=\"small\">links with p ≥ ").Append(ConnectivityReport.MinimumLinkProbability.ToString(Invariant)).Append(" drawn</text>\n</svg>\n");
    }

    private static void RunSummary(StringBuilder sb, ReportRun run)
    {
        var r = run.Result;
        sb.Append("<h3>").Append(E(run.Label)).Append("</h3>\n<table class=\"kv\" data-run=\"").Append(run.Key).Append("\">\n");
        Kv(sb, "PC", r.PC, r.PC.ToString("G4", Invariant), "probability of connectivity (0–1)");
        Kv(sb, "EC(PC)", r.EC, Format.Count(Math.Round(r.EC, 1)), "equivalent connected weight, √PCnum");
        Kv(sb, "IIC", r.IIC, r.IIC.ToString("G4", Invariant), $"integral index, {(run.DistanceKm is null ? "every link" : "links where d ≤ d0")} ({r.IicLinks} links, {r.Components} component{(r.Components == 1 ? "" : "s")})");
        Kv(sb, "PCintra", r.PCintra, Format.Percent(r.PCintra), "within sites");
        Kv(sb, "PCdirect", r.PCdirect, Format.Percent(r.PCdirect), "between sites, direct links");
        Kv(sb, "PCstep", r.PCstep, Format.Percent(r.PCstep), "between sites, through stepping stones");
        if (r.CountryPairs is { } cp)
        {
            Kv(sb, "transboundary", cp.TransboundaryShare, Format.Percent(cp.TransboundaryShare), "share of PCnum between sites of different countries");
        }
        sb.Append("</table>\n<p class=\"small\">").Append(r.Nodes).Append(" sites, ").Append(r.Links).Append(" links in the analysis, ")
            .Append(run.Links.Count).Append(" drawn.</p>\n");
    }

    private static void Kv(StringBuilder sb, string name, double value, string shown, string note) =>
        sb.Append("<tr data-name=\"").Append(E(name)).Append("\"><th>").Append(E(name)).Append("</th><td data-value=\"").Append(Format.Exact(value))
            .Append("\">").Append(E(shown)).Append("</td><td class=\"note\">").Append(E(note)).Append("</td></tr>\n");

    private static void Ranking(StringBuilder sb, ConnectivityReport report, ReportRun run)
    {
        var lang = report.Inputs.Request.Language;
        var maxDpc = Math.Max(run.Result.PerNode.Max(v => v.DPC), double.Epsilon);
        sb.Append("<table class=\"ranking\" data-run=\"").Append(run.Key).Append("\">\n<thead><tr><th>#</th><th>site</th><th>country</th><th class=\"n\">weight</th>")
            .Append("<th class=\"n\">dPC %</th><th class=\"n\">intra</th><th class=\"n\">flux</th><th class=\"n\">connector</th><th class=\"n\">dIIC %</th><th class=\"n\">BC(PC)</th></tr></thead>\n<tbody>\n");
        foreach (var (rank, node, v, site) in report.Ranking(run))
        {
            sb.Append("<tr data-site=\"").Append(E(node.Id)).Append("\"><td>").Append(rank).Append("</td><td><span class=\"dot\" style=\"background:")
                .Append(node.Weight > 0 ? Colour(v.DPC / maxDpc) : "#fff").Append("\"></span>").Append(E(site.Name(lang)))
                .Append(" <span class=\"code\">").Append(E(node.Id)).Append("</span></td><td>").Append(E(site.Country)).Append("</td>");
            Cell(sb, "weight", node.Weight, Format.Count(node.Weight));
            Cell(sb, "dPC", v.DPC, Format.Fixed(v.DPC, 2));
            Cell(sb, "dPCintra", v.DPCintra, Format.Fixed(v.DPCintra, 2));
            Cell(sb, "dPCflux", v.DPCflux, Format.Fixed(v.DPCflux, 2));
            Cell(sb, "dPCconnector", v.DPCconnector, Format.Fixed(v.DPCconnector, 2));
            Cell(sb, "dIIC", v.DIIC, Format.Fixed(v.DIIC, 2));
            Cell(sb, "BC", v.BC, v.BC.ToString("G4", Invariant));
            sb.Append("</tr>\n");
        }
        sb.Append("</tbody>\n</table>\n<p class=\"small\">dPC = intra + flux + connector, in % of PCnum: intra = birds within the site, flux = its links to the others, connector = stepping stone between others")
            .Append(run.Network.Decay is not null ? " (always 0 with distance decay between point sites: the direct link is the best path)" : "").Append(".</p>\n");
    }

    private static void Cell(StringBuilder sb, string column, double value, string shown) =>
        sb.Append("<td class=\"n\" data-col=\"").Append(column).Append("\" data-value=\"").Append(Format.Exact(value)).Append("\">")
            .Append(E(shown)).Append("</td>");

    private static void FractionBars(StringBuilder sb, ConnectivityReport report, ReportRun run)
    {
        var lang = report.Inputs.Request.Language;
        var all = report.Ranking(run);
        var rows = all.Take(MaximumBars).ToArray();
        const double left = 190, right = 20, top = 30, rowHeight = 22, width = 560;
        var height = top + (rows.Length * rowHeight) + 34;
        var max = NiceCeiling(Math.Max(rows.Max(r => r.Values.DPC), 1e-9));
        var plot = width - left - right;
        sb.Append("<svg class=\"plot fractions\" data-run=\"").Append(run.Key).Append("\" viewBox=\"0 0 ").Append(N(width)).Append(' ').Append(N(height))
            .Append("\" role=\"img\" aria-label=\"dPC fractions per site\">\n");
        var lx = left;
        foreach (var (name, colour) in new[] { ("intra", IntraColour), ("flux", FluxColour), ("connector", ConnectorColour) })
        {
            sb.Append("<rect x=\"").Append(N(lx)).Append("\" y=\"8\" width=\"12\" height=\"12\" fill=\"").Append(colour).Append("\"/><text x=\"")
                .Append(N(lx + 16)).Append("\" y=\"18\">").Append(name).Append("</text>\n");
            lx += 90;
        }
        foreach (var tick in Ticks(max))
        {
            var tx = left + (plot * tick / max);
            sb.Append("<line class=\"grid\" x1=\"").Append(N(tx)).Append("\" y1=\"").Append(N(top - 4)).Append("\" x2=\"").Append(N(tx)).Append("\" y2=\"")
                .Append(N(height - 30)).Append("\"/><text class=\"tick\" x=\"").Append(N(tx)).Append("\" y=\"").Append(N(height - 16))
                .Append("\" text-anchor=\"middle\">").Append(Format.Number(tick)).Append("</text>\n");
        }
        sb.Append("<text class=\"tick\" x=\"").Append(N(left + (plot / 2))).Append("\" y=\"").Append(N(height - 2)).Append("\" text-anchor=\"middle\">dPC, % of PCnum</text>\n");
        var y = top;
        foreach (var (_, node, v, site) in rows)
        {
            var name = site.Name(lang);
            sb.Append("<text x=\"").Append(N(left - 6)).Append("\" y=\"").Append(N(y + 15)).Append("\" text-anchor=\"end\">")
                .Append(E(name.Length > 26 ? name[..25] + "…" : name)).Append("</text>\n");
            var x = left;
            foreach (var (part, colour, label) in new[] { (v.DPCintra, IntraColour, "intra"), (v.DPCflux, FluxColour, "flux"), (v.DPCconnector, ConnectorColour, "connector") })
            {
                var w = plot * Math.Max(part, 0) / max;
                if (w > 0)
                {
                    sb.Append("<rect class=\"seg\" data-site=\"").Append(E(node.Id)).Append("\" x=\"").Append(N(x)).Append("\" y=\"").Append(N(y + 3))
                        .Append("\" width=\"").Append(N(w)).Append("\" height=\"").Append(N(rowHeight - 6)).Append("\" fill=\"").Append(colour)
                        .Append("\"><title>").Append(E(name)).Append(": ").Append(label).Append(' ').Append(Format.Fixed(part, 2)).Append(" %</title></rect>\n");
                }
                x += w;
            }
            sb.Append("<text class=\"val\" x=\"").Append(N(x + 4)).Append("\" y=\"").Append(N(y + 15)).Append("\">").Append(Format.Fixed(v.DPC, 1)).Append("</text>\n");
            y += rowHeight;
        }
        sb.Append("</svg>\n");
        if (all.Count > rows.Length)
        {
            sb.Append("<p class=\"small\">The ").Append(rows.Length).Append(" sites with the largest dPC of ").Append(all.Count)
                .Append("; every site is in the ranking and in nodes.csv.</p>\n");
        }
    }

    private static void CountryMatrix(StringBuilder sb, ReportRun run)
    {
        if (run.Result.CountryPairs is not { } cp)
        {
            sb.Append("<p class=\"small\">Not every site has a country; no country pairs.</p>\n");
            return;
        }
        var countries = cp.Pairs.SelectMany(p => new[] { p.From, p.To }).Distinct().Order(StringComparer.Ordinal).ToArray();
        var share = cp.Pairs.ToDictionary(p => (p.From, p.To), p => p.Share);
        var max = Math.Max(cp.Pairs.Max(p => p.Share), double.Epsilon);
        sb.Append("<table class=\"matrix\" data-run=\"").Append(run.Key).Append("\">\n<thead><tr><th>from \\ to</th>");
        foreach (var c in countries)
        {
            sb.Append("<th>").Append(E(c)).Append("</th>");
        }
        sb.Append("</tr></thead>\n<tbody>\n");
        foreach (var from in countries)
        {
            sb.Append("<tr><th>").Append(E(from)).Append("</th>");
            foreach (var to in countries)
            {
                var s = share.GetValueOrDefault((from, to));
                var alpha = Math.Sqrt(s / max);
                sb.Append("<td data-from=\"").Append(E(from)).Append("\" data-to=\"").Append(E(to)).Append("\" data-value=\"").Append(Format.Exact(s))
                    .Append("\" style=\"background:rgba(128,0,38,").Append(N(0.08 + (0.8 * alpha))).Append(");color:").Append(alpha > 0.55 ? "#fff" : "#222")
                    .Append("\">").Append(s > 0 ? Format.Percent(s) : "·").Append("</td>");
            }
            sb.Append("</tr>\n");
        }
        sb.Append("</tbody>\n</table>\n<p class=\"small\">Share of PCnum = Σ a_i a_j p*_ij by the countries of i (row) and j (column), i = j on the diagonal. ")
            .Append(run.Network.IsDirected ? "Directed: i → j." : "Undirected: each pair of countries is split in equal halves above and below the diagonal.")
            .Append(" <b>").Append(Format.Percent(cp.TransboundaryShare)).Append("</b> crosses borders.</p>\n");
    }

    private static void Thresholds(StringBuilder sb, ConnectivityReport report)
    {
        sb.Append("<section id=\"thresholds\">\n<h2>Connectivity against dispersal distance</h2>\n<div class=\"two\">\n<div>\n");
        var runs = report.Runs.Where(r => r.DistanceKm is not null).OrderBy(r => r.DistanceKm).ToArray();
        if (runs.Length > 0)
        {
            EcPlot(sb, report, runs);
        }
        else
        {
            sb.Append("<p>Links come from telemetry; there is no dispersal distance to vary.</p>\n");
        }
        sb.Append("</div>\n<div>\n<table class=\"runs\">\n<thead><tr><th>links</th><th class=\"n\">EC(PC)</th><th class=\"n\">PC</th><th class=\"n\">IIC</th><th class=\"n\">PCintra</th><th class=\"n\">transboundary</th><th class=\"n\">components</th></tr></thead>\n<tbody>\n");
        foreach (var run in report.Runs)
        {
            var r = run.Result;
            sb.Append("<tr data-run=\"").Append(run.Key).Append("\"><td>").Append(E(run.Label)).Append("</td>");
            Cell(sb, "EC", r.EC, Format.Count(Math.Round(r.EC, 1)));
            Cell(sb, "PC", r.PC, r.PC.ToString("G4", Invariant));
            Cell(sb, "IIC", r.IIC, r.IIC.ToString("G4", Invariant));
            Cell(sb, "PCintra", r.PCintra, Format.Percent(r.PCintra));
            if (r.CountryPairs is { } cp)
            {
                Cell(sb, "transboundary", cp.TransboundaryShare, Format.Percent(cp.TransboundaryShare));
            }
            else
            {
                sb.Append("<td class=\"n\">–</td>");
            }
            sb.Append("<td class=\"n\">").Append(r.Components).Append("</td></tr>\n");
        }
        sb.Append("</tbody>\n</table>\n<p class=\"small\">EC(PC) = √PCnum is the weight of one site that would give the same connectivity: it lies between √Σa² (no links, all birds isolated) and Σa (every site fully reachable).</p>\n</div>\n</div>\n</section>\n");
    }

    private static void EcPlot(StringBuilder sb, ConnectivityReport report, ReportRun[] runs)
    {
        const double width = 560, height = 300, left = 64, right = 24, top = 20, bottom = 46;
        var nodes = report.Inputs.Nodes;
        var upper = nodes.Sum(n => n.Weight);
        var lower = Math.Sqrt(nodes.Sum(n => n.Weight * n.Weight));
        var yMax = NiceCeiling(upper * 1.05);
        double dMin = runs[0].DistanceKm!.Value, dMax = runs[^1].DistanceKm!.Value;
        var log = dMax / dMin > 4;
        double X(double d)
        {
            if (dMax == dMin)
            {
                return left + ((width - left - right) / 2);
            }
            var t = log ? Math.Log(d / dMin) / Math.Log(dMax / dMin) : (d - dMin) / (dMax - dMin);
            return left + (20 + (t * (width - left - right - 40)));
        }
        double Y(double v) => top + ((height - top - bottom) * (1 - (v / yMax)));

        sb.Append("<svg class=\"plot ec\" viewBox=\"0 0 ").Append(N(width)).Append(' ').Append(N(height)).Append("\" role=\"img\" aria-label=\"EC against d0\">\n");
        foreach (var tick in Ticks(yMax))
        {
            sb.Append("<line class=\"grid\" x1=\"").Append(N(left)).Append("\" y1=\"").Append(N(Y(tick))).Append("\" x2=\"").Append(N(width - right))
                .Append("\" y2=\"").Append(N(Y(tick))).Append("\"/><text class=\"tick\" x=\"").Append(N(left - 6)).Append("\" y=\"").Append(N(Y(tick) + 4))
                .Append("\" text-anchor=\"end\">").Append(Format.Count(tick)).Append("</text>\n");
        }
        foreach (var (value, label) in new[] { (upper, "Σa: all connected"), (lower, "√Σa²: no links") })
        {
            sb.Append("<line class=\"ref\" x1=\"").Append(N(left)).Append("\" y1=\"").Append(N(Y(value))).Append("\" x2=\"").Append(N(width - right))
                .Append("\" y2=\"").Append(N(Y(value))).Append("\"/><text class=\"reflabel\" x=\"").Append(N(width - right - 4)).Append("\" y=\"")
                .Append(N(Y(value) - 4)).Append("\" text-anchor=\"end\">").Append(E(label)).Append("</text>\n");
        }
        var points = string.Join(' ', runs.Select(r => N(X(r.DistanceKm!.Value)) + "," + N(Y(r.Result.EC))));
        sb.Append("<polyline class=\"series\" points=\"").Append(points).Append("\"/>\n");
        foreach (var r in runs)
        {
            var x = X(r.DistanceKm!.Value);
            sb.Append("<circle class=\"pt\" data-run=\"").Append(r.Key).Append("\" cx=\"").Append(N(x)).Append("\" cy=\"").Append(N(Y(r.Result.EC)))
                .Append("\" r=\"5\"><title>").Append(E(r.Label)).Append(": EC ").Append(Format.Count(Math.Round(r.Result.EC))).Append(", PC ")
                .Append(r.Result.PC.ToString("G4", Invariant)).Append("</title></circle>\n<text class=\"tick\" x=\"").Append(N(x)).Append("\" y=\"")
                .Append(N(height - bottom + 18)).Append("\" text-anchor=\"middle\">").Append(Format.Number(r.DistanceKm!.Value)).Append("</text>\n");
        }
        sb.Append("<text class=\"tick\" x=\"").Append(N(left + ((width - left - right) / 2))).Append("\" y=\"").Append(N(height - 6))
            .Append("\" text-anchor=\"middle\">median dispersal distance d0, km").Append(log ? " (log scale)" : "").Append("</text>\n")
            .Append("<text class=\"tick\" transform=\"translate(14 ").Append(N(top + ((height - top - bottom) / 2))).Append(") rotate(-90)\" text-anchor=\"middle\">EC(PC)</text>\n</svg>\n");
    }

    private static void Inputs(StringBuilder sb, ConnectivityReport report)
    {
        var i = report.Inputs;
        var r = i.Request;
        sb.Append("<section id=\"inputs\">\n<h2>Inputs and parameters</h2>\n<p class=\"hint\">Everything needed to reproduce the numbers.</p>\n<table class=\"kv params\">\n");
        Param(sb, "species", $"{i.Species} (asked as “{r.Species}”)");
        Param(sb, "season window", $"{i.Window.Season.Name} {i.Window.Year}: {i.Window.From:yyyy-MM-dd} to {i.Window.To:yyyy-MM-dd}, both included (a window across the new year belongs to the year it ends in)");
        Param(sb, "node weight", WeightingNames.Text(r.Weighting) + (r.Weighting == NodeWeighting.PeakCount ? " — the largest count of the species at the site in the window; “not counted” surveys skipped, never read as 0" : ""));
        Param(sb, "nodes", "sites with a count of the species in the window" + (i.Telemetry is not null ? ", and sites tracked birds stopped at" : ""));
        Param(sb, "links", i.Telemetry is not null
            ? $"telemetry: p_ij = transitions / departures between consecutive stopovers ({i.Fixes.Count} fixes)"
            : $"distance decay p = exp(−k d), k = −ln({Format.Number(r.Probability)}) / d0, d = great-circle km; d0 = {string.Join(", ", r.DistancesKm.Select(Format.Number))} km; no telemetry fixes");
        Param(sb, "A_L", $"{Format.Count(i.Nodes.Sum(n => n.Weight))} (sum of the weights)");
        Param(sb, "names", $"{r.Language} (English where a name is missing)");
        Param(sb, "computed", $"{report.GeneratedAt:yyyy-MM-dd HH:mm:ss} UTC by neaspec {Version()}");
        Param(sb, "command", $"neaspec report connectivity --species \"{i.Species}\" --season {i.Window.Season.Name} --year {i.Window.Year} --distance-km {string.Join(",", r.DistancesKm.Select(Format.Number))} --weight {WeightingNames.Option(r.Weighting)} --lang {r.Language} --out DIR");
        sb.Append("</table>\n");

        sb.Append("<h3>Imported files</h3>\n<table class=\"files\">\n<thead><tr><th>file</th><th>SHA-256</th><th class=\"n\">counts used</th></tr></thead>\n<tbody>\n");
        foreach (var g in i.Counts.GroupBy(c => (c.File, c.Sha256)).OrderBy(g => g.Key.File, StringComparer.Ordinal))
        {
            sb.Append("<tr><td>").Append(E(g.Key.File)).Append("</td><td class=\"code\">").Append(E(g.Key.Sha256)).Append("</td><td class=\"n\">").Append(g.Count()).Append("</td></tr>\n");
        }
        sb.Append("</tbody>\n</table>\n");

        var nodes = i.Nodes.ToDictionary(n => n.Id, StringComparer.Ordinal);
        sb.Append("<h3>Counts in the window</h3>\n<table class=\"counts\">\n<thead><tr><th>site</th><th>date</th><th class=\"n\">individuals</th><th>file, line</th><th></th></tr></thead>\n<tbody>\n");
        foreach (var c in i.Counts)
        {
            var peak = c.Individuals is { } n && nodes.TryGetValue(c.SiteCode, out var node) && r.Weighting == NodeWeighting.PeakCount && node.Weight == n;
            sb.Append("<tr").Append(peak ? " class=\"peak\"" : "").Append("><td>").Append(E(i.Sites[c.SiteCode].Name(r.Language))).Append(" <span class=\"code\">")
                .Append(E(c.SiteCode)).Append("</span></td><td>").Append(c.Date.ToString("yyyy-MM-dd", Invariant))
                .Append(c.Time is { } t ? " " + t.ToString("HH:mm", Invariant) : "").Append("</td><td class=\"n\">")
                .Append(c.Individuals is { } k ? Format.Count(k) : E(NotCounted(c.NotCountedReason)))
                .Append("</td><td>").Append(E(c.File)).Append(", ").Append(c.Line).Append("</td><td>").Append(peak ? "peak → weight" : "").Append("</td></tr>\n");
        }
        sb.Append("</tbody>\n</table>\n</section>\n");
    }

    private static string NotCounted(string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? "not counted"
        : reason.StartsWith("not counted", StringComparison.OrdinalIgnoreCase) ? reason : "not counted: " + reason;

    private static void Param(StringBuilder sb, string name, string value) =>
        sb.Append("<tr><th>").Append(E(name)).Append("</th><td>").Append(E(value)).Append("</td></tr>\n");

    private static void Footer(StringBuilder sb)
    {
        sb.Append("<footer>\n<p>PC, EC(PC): Saura &amp; Pascual-Hortal 2007; IIC: Pascual-Hortal &amp; Saura 2006; dPC fractions: Saura &amp; Rubio 2010; ")
            .Append("BC(PC): Bodin &amp; Saura 2010; PCintra/direct/step: Saura, Bodin &amp; Fortin 2014. dPC and its fractions are percentages of PCnum (Conefor's convention).</p>\n")
            .Append("<p>Country borders: Natural Earth (public domain), via the world-atlas package (ISC). Files beside this page: nodes.csv, sites.geojson, links.geojson, country_pairs.csv, summary.csv.</p>\n</footer>\n");
    }

    private static string Css(ConnectivityReport report)
    {
        var sb = new StringBuilder("""
            :root { --ink:#1f2a30; --muted:#5d6b73; --line:#dde3e6; --bg:#fafbfb; --accent:#1d4e63; }
            * { box-sizing: border-box; }
            body { margin:0; font:14px/1.45 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK KR", "Noto Sans CJK SC", "Noto Sans CJK JP", sans-serif; color:var(--ink); background:var(--bg); }
            header { padding:24px 32px 16px; background:#fff; border-bottom:1px solid var(--line); }
            .kicker { margin:0; color:var(--muted); text-transform:uppercase; letter-spacing:.08em; font-size:12px; }
            h1 { margin:4px 0; font-size:28px; } h1 i { font-weight:400; color:var(--muted); }
            .sub { margin:0 0 14px; color:var(--muted); }
            .cards { display:flex; gap:12px; flex-wrap:wrap; }
            .card { background:var(--bg); border:1px solid var(--line); border-radius:8px; padding:10px 14px; min-width:150px; }
            .card .label { font-size:12px; color:var(--muted); } .card .value { font-size:22px; font-weight:600; } .card .note { font-size:12px; color:var(--muted); }
            main { padding:8px 32px 32px; max-width:1500px; }
            section { margin-top:24px; }
            h2 { font-size:20px; border-bottom:2px solid var(--accent); padding-bottom:4px; }
            h3 { font-size:15px; margin:14px 0 6px; }
            .hint, .small { color:var(--muted); } .small { font-size:12px; }
            input.tab { position:absolute; opacity:0; }
            input.tab + label { display:inline-block; padding:6px 14px; margin:0 4px 8px 0; border:1px solid var(--line); border-radius:16px; background:#fff; cursor:pointer; }
            input.tab:checked + label { background:var(--accent); color:#fff; border-color:var(--accent); }
            .panel { display:none; }
            .mapbox { display:grid; grid-template-columns:minmax(0, 3fr) minmax(260px, 1fr); gap:16px; align-items:start; }
            .two { display:grid; grid-template-columns:minmax(0, 1fr) minmax(0, 1fr); gap:24px; align-items:start; }
            @media (max-width: 1100px) { .mapbox, .two { grid-template-columns:1fr; } }
            svg { width:100%; height:auto; display:block; }
            svg.map { border:1px solid var(--line); border-radius:8px; background:#cfe0ea; }
            .sea { fill:#cfe0ea; } .country { fill:#f3f0e8; stroke:#a7a39a; stroke-width:.7; } .country:hover { fill:#ece6d6; }
            .graticule line { stroke:#fff; stroke-opacity:.6; stroke-width:.6; } .graticule text { fill:#6f8a99; font-size:10px; }
            .link { stroke:#1d4e63; stroke-linecap:round; fill:none; }
            .site { stroke:#2b2b2b; stroke-width:1; fill-opacity:.92; } .site:hover { stroke-width:2.5; }
            .label { font-size:12px; fill:#1f2a30; paint-order:stroke; stroke:#fff; stroke-width:3px; stroke-linejoin:round; pointer-events:none; }
            .legend { max-width:300px; margin-bottom:8px; } .legend rect.bar { stroke:#999; }
            .legend text { font-size:11px; fill:var(--ink); } .legend .lt { font-weight:600; } .legend .lc { fill:#fd8d3c; stroke:#2b2b2b; fill-opacity:.6; }
            .legend .small { fill:var(--muted); font-size:10px; }
            .credit { font-size:10px; fill:#4d6470; }
            table { border-collapse:collapse; width:100%; background:#fff; }
            th, td { padding:4px 8px; border-bottom:1px solid var(--line); text-align:left; vertical-align:top; }
            thead th { font-size:12px; color:var(--muted); font-weight:600; border-bottom:2px solid var(--line); }
            .n { text-align:right; font-variant-numeric:tabular-nums; white-space:nowrap; }
            .kv th { width:120px; } .kv td.note { color:var(--muted); font-size:12px; }
            .code { color:var(--muted); font-family:ui-monospace, monospace; font-size:12px; }
            .dot { display:inline-block; width:10px; height:10px; border-radius:50%; border:1px solid #555; margin-right:6px; }
            .matrix { width:auto; } .matrix td { text-align:center; min-width:58px; font-variant-numeric:tabular-nums; }
            .plot text { font-size:11px; fill:var(--ink); } .plot .tick { fill:var(--muted); } .plot .grid { stroke:var(--line); }
            .plot .val { fill:var(--muted); } .plot .series { fill:none; stroke:var(--accent); stroke-width:2.5; } .plot .pt { fill:#fd8d3c; stroke:var(--accent); stroke-width:2; }
            .plot .ref { stroke:#999; stroke-dasharray:4 4; } .plot .reflabel { fill:var(--muted); font-size:10px; }
            tr.peak td { background:#fff7e0; }
            footer { padding:16px 32px 32px; color:var(--muted); font-size:12px; border-top:1px solid var(--line); }

            """);
        foreach (var run in report.Runs)
        {
            sb.Append("#tab-").Append(run.Key).Append(":checked ~ .panels #panel-").Append(run.Key).Append(" { display:block; }\n");
        }
        return sb.ToString();
    }

    private static double Radius(double weight, double maxWeight) => 3.5 + (22 * Math.Sqrt(Math.Max(weight, 0) / maxWeight));

    private static string Colour(double t)
    {
        t = Math.Clamp(double.IsFinite(t) ? t : 0, 0, 1) * (Ramp.Length - 1);
        var k = Math.Min((int)Math.Floor(t), Ramp.Length - 2);
        var f = t - k;
        int Channel(string hex, int at) => Convert.ToInt32(hex.Substring(1 + (2 * at), 2), 16);
        var rgb = Enumerable.Range(0, 3).Select(c => (int)Math.Round(Channel(Ramp[k], c) + (f * (Channel(Ramp[k + 1], c) - Channel(Ramp[k], c)))));
        return "#" + string.Concat(rgb.Select(v => v.ToString("x2", Invariant)));
    }

    private static double NiceCeiling(double value)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var m in new[] { 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10 })
        {
            if (m * magnitude >= value)
            {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private static IEnumerable<double> Ticks(double max)
    {
        var step = NiceCeiling(max / 5);
        for (var t = 0.0; t <= max * 1.0001; t += step)
        {
            yield return t;
        }
    }

    private static string Version() =>
        typeof(HtmlReport).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "dev";

    private static string N(double value) => Math.Round(value, 2).ToString(Invariant);

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");
}
