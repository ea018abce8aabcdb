using System.Globalization;
using System.Text;
using System.Text.Json;
using NetTopologySuite.Geometries;

namespace Neaspec.Survey.Report.Html;

/// <summary>
/// Country outlines from the vendored Natural Earth 1:50m TopoJSON (npm world-atlas), decoded here and
/// clipped to a <see cref="MapFrame"/>, as SVG path data.
/// </summary>
internal static class WorldMap
{
    private static readonly Lazy<IReadOnlyList<(string Name, Geometry Shape)>> Countries = new(Load);

    /// <summary>SVG path data ("M x y L ... Z") of every country that shows in the frame.</summary>
    public static IReadOnlyList<(string Name, string Path)> CountryPaths(MapFrame frame)
    {
        var factory = new GeometryFactory();
        var clip = new Envelope(frame.Extent);
        clip.ExpandBy(1);
        var box = factory.ToGeometry(clip);
        var paths = new List<(string, string)>();
        foreach (var (name, shape) in Countries.Value)
        {
            if (!shape.EnvelopeInternal.Intersects(clip))
            {
                continue;
            }
            Geometry part;
            try
            {
                part = shape.Intersection(box);
            }
            catch (TopologyException)
            {
                part = shape.Buffer(0).Intersection(box);
            }
            var d = PathData(part, frame);
            if (d.Length > 0)
            {
                paths.Add((name, d));
            }
        }
        return paths;
    }

    private static string PathData(Geometry geometry, MapFrame frame)
    {
        var sb = new StringBuilder();
        for (var g = 0; g < geometry.NumGeometries; g++)
        {
            if (geometry.GetGeometryN(g) is not Polygon polygon)
            {
                continue;
            }
            Ring(polygon.ExteriorRing, frame, sb);
            foreach (var hole in polygon.InteriorRings)
            {
                Ring(hole, frame, sb);
            }
        }
        return sb.ToString();
    }

    private static void Ring(LineString ring, MapFrame frame, StringBuilder sb)
    {
        var coordinates = ring.Coordinates;
        if (coordinates.Length < 4)
        {
            // An empty ring (a clipped-away polygon) would be a lone "Z", which browsers reject.
            return;
        }
        double lastX = double.NaN, lastY = double.NaN;
        for (var i = 0; i < coordinates.Length; i++)
        {
            var (x, y) = frame.Project(coordinates[i].X, coordinates[i].Y);
            x = Math.Round(x, 1);
            y = Math.Round(y, 1);
            if (x == lastX && y == lastY)
            {
                continue;
            }
            sb.Append(i == 0 ? 'M' : 'L').Append(x.ToString(CultureInfo.InvariantCulture)).Append(' ')
                .Append(y.ToString(CultureInfo.InvariantCulture));
            lastX = x;
            lastY = y;
        }
        sb.Append('Z');
    }

    private static List<(string Name, Geometry Shape)> Load()
    {
        using var stream = typeof(WorldMap).Assembly.GetManifestResourceStream("Neaspec.Survey.Report.countries-50m.json")
            ?? throw new InvalidOperationException("The embedded country outlines are missing from the assembly.");
        using var doc = JsonDocument.Parse(stream);
        var root = doc.RootElement;
        var transform = root.GetProperty("transform");
        var sx = transform.GetProperty("scale")[0].GetDouble();
        var sy = transform.GetProperty("scale")[1].GetDouble();
        var tx = transform.GetProperty("translate")[0].GetDouble();
        var ty = transform.GetProperty("translate")[1].GetDouble();

        // TopoJSON arcs are quantized and delta-encoded: each position adds to the previous one.
        var arcs = new List<Coordinate[]>();
        foreach (var arc in root.GetProperty("arcs").EnumerateArray())
        {
            var points = new Coordinate[arc.GetArrayLength()];
            long x = 0, y = 0;
            var k = 0;
            foreach (var position in arc.EnumerateArray())
            {
                x += position[0].GetInt64();
                y += position[1].GetInt64();
                points[k++] = new Coordinate((x * sx) + tx, (y * sy) + ty);
            }
            arcs.Add(points);
        }

        var factory = new GeometryFactory();
        var countries = new List<(string, Geometry)>();
        foreach (var geometry in root.GetProperty("objects").GetProperty("countries").GetProperty("geometries").EnumerateArray())
        {
            var name = geometry.TryGetProperty("properties", out var p) && p.TryGetProperty("name", out var n) ? n.GetString() ?? "" : "";
            var type = geometry.GetProperty("type").GetString();
            var polygons = new List<Polygon>();
            if (type == "Polygon")
            {
                polygons.Add(Polygon(geometry.GetProperty("arcs"), arcs, factory));
            }
            else if (type == "MultiPolygon")
            {
                polygons.AddRange(geometry.GetProperty("arcs").EnumerateArray().Select(rings => Polygon(rings, arcs, factory)));
            }
            if (polygons.Count > 0)
            {
                countries.Add((name, factory.CreateMultiPolygon(polygons.ToArray())));
            }
        }
        return countries;
    }

    private static Polygon Polygon(JsonElement rings, List<Coordinate[]> arcs, GeometryFactory factory)
    {
        var linear = rings.EnumerateArray().Select(ring => factory.CreateLinearRing(RingCoordinates(ring, arcs))).ToArray();
        return factory.CreatePolygon(linear[0], linear[1..]);
    }

    private static Coordinate[] RingCoordinates(JsonElement ring, List<Coordinate[]> arcs)
    {
        var coordinates = new List<Coordinate>();
        foreach (var index in ring.EnumerateArray())
        {
            var i = index.GetInt32();
            // A negative index ~i is arc i walked backwards.
            IEnumerable<Coordinate> arc = i >= 0 ? arcs[i] : arcs[~i].Reverse();
            // Consecutive arcs share their joining position.
            coordinates.AddRange(coordinates.Count == 0 ? arc : arc.Skip(1));
        }
        if (coordinates.Count < 4 || !coordinates[0].Equals2D(coordinates[^1]))
        {
            coordinates.Add(coordinates[0]);
        }
        while (coordinates.Count < 4)
        {
            coordinates.Add(coordinates[0]);
        }
        return coordinates.Select(c => c.Copy()).ToArray();
    }
}
