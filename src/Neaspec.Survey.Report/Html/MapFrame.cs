using NetTopologySuite.Geometries;

namespace Neaspec.Survey.Report.Html;

/// <summary>
/// The map's extent and projection: Web Mercator, fitted to a set of points with a margin, in SVG user units
/// (x to the right, y down).
/// </summary>
internal sealed class MapFrame
{
    private readonly double minX;
    private readonly double maxY;
    private readonly double scale;

    private MapFrame(double minX, double maxY, double scale, double width, double height)
    {
        this.minX = minX;
        this.maxY = maxY;
        this.scale = scale;
        Width = width;
        Height = height;
        var (west, north) = Unproject(0, 0);
        var (east, south) = Unproject(width, height);
        Extent = new Envelope(west, east, south, north);
    }

    public double Width { get; }

    public double Height { get; }

    /// <summary>The longitudes and latitudes the frame shows.</summary>
    public Envelope Extent { get; }

    /// <summary>A frame holding every point with a margin, at least about 8 degrees across.</summary>
    public static MapFrame Fit(IEnumerable<(double Lon, double Lat)> points, double width, double height)
    {
        var list = points.ToList();
        if (list.Count == 0)
        {
            list.Add((125, 38));
        }
        var xs = list.Select(p => p.Lon).ToArray();
        var ys = list.Select(p => MercatorY(p.Lat)).ToArray();
        double x0 = xs.Min(), x1 = xs.Max(), y0 = ys.Min(), y1 = ys.Max();
        const double minimumSpan = 8;
        var spanX = Math.Max(x1 - x0, minimumSpan) * 1.3;
        var spanY = Math.Max(y1 - y0, minimumSpan) * 1.3;
        var cx = (x0 + x1) / 2;
        var cy = (y0 + y1) / 2;
        var s = Math.Min(width / spanX, height / spanY);
        return new MapFrame(cx - (width / s / 2), cy + (height / s / 2), s, width, height);
    }

    public (double X, double Y) Project(double lon, double lat) =>
        ((lon - minX) * scale, (maxY - MercatorY(lat)) * scale);

    public (double Lon, double Lat) Unproject(double x, double y)
    {
        var my = maxY - (y / scale);
        return (minX + (x / scale), Math.Atan(Math.Sinh(my * Math.PI / 180)) * 180 / Math.PI);
    }

    /// <summary>Mercator y in "degrees" so that x and y share a unit at the equator.</summary>
    private static double MercatorY(double lat)
    {
        var clamped = Math.Clamp(lat, -85, 85) * Math.PI / 180;
        return Math.Log(Math.Tan((Math.PI / 4) + (clamped / 2))) * 180 / Math.PI;
    }
}
