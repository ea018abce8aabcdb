namespace Neaspec.Survey.Connectivity;

/// <summary>
/// A point on (or, for a sum, off) the unit sphere. The centroid of points on the sphere is their normalised
/// vector sum, which has no trouble at the antimeridian or near the poles, unlike averaged degrees.
/// </summary>
internal readonly record struct SphereVector(double X, double Y, double Z)
{
    public static SphereVector Of(double lon, double lat)
    {
        var phi = lat * (Math.PI / 180);
        var lambda = lon * (Math.PI / 180);
        var cosPhi = Math.Cos(phi);
        return new SphereVector(cosPhi * Math.Cos(lambda), cosPhi * Math.Sin(lambda), Math.Sin(phi));
    }

    public static SphereVector operator +(SphereVector a, SphereVector b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);

    public SphereVector Normalised()
    {
        var length = Math.Sqrt((X * X) + (Y * Y) + (Z * Z));
        return new SphereVector(X / length, Y / length, Z / length);
    }

    public (double Lon, double Lat) ToLonLat() =>
        (Math.Atan2(Y, X) * (180 / Math.PI), Math.Asin(Math.Clamp(Z, -1, 1)) * (180 / Math.PI));

    /// <summary>Great-circle distance between unit vectors (atan2 form: stable for tiny angles).</summary>
    public double DistanceKm(SphereVector o)
    {
        var cx = (Y * o.Z) - (Z * o.Y);
        var cy = (Z * o.X) - (X * o.Z);
        var cz = (X * o.Y) - (Y * o.X);
        var cross = Math.Sqrt((cx * cx) + (cy * cy) + (cz * cz));
        var dot = (X * o.X) + (Y * o.Y) + (Z * o.Z);
        return GreatCircle.EarthRadiusKm * Math.Atan2(cross, dot);
    }

    /// <summary>The spherical centroid of points.</summary>
    public static (double Lon, double Lat) Centroid(IEnumerable<(double Lon, double Lat)> points)
    {
        var sum = new SphereVector(0, 0, 0);
        foreach (var (lon, lat) in points)
        {
            sum += Of(lon, lat);
        }
        return sum.Normalised().ToLonLat();
    }
}
