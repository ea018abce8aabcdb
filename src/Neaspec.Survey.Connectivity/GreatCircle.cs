namespace Neaspec.Survey.Connectivity;

/// <summary>
/// Great-circle (haversine) distance on a sphere of the IUGG mean Earth radius, 6371.0088 km.
/// </summary>
/// <remarks>
/// Haversine is used rather than an ellipsoidal geodesic on purpose: it is a true metric (it obeys the
/// triangle inequality exactly), which is what lets <see cref="ConnectivityAnalysis"/> take the direct link
/// as the best path in a complete distance-decay network. Its error against the WGS84 geodesic is below 0.5 %,
/// far under the uncertainty of any dispersal distance d0.
/// </remarks>
public static class GreatCircle
{
    /// <summary>IUGG mean Earth radius in km.</summary>
    public const double EarthRadiusKm = 6371.0088;

    /// <summary>Distance in km between two points given in decimal degrees (WGS84 longitude, latitude).</summary>
    public static double DistanceKm(double lon1, double lat1, double lon2, double lat2)
    {
        var phi1 = lat1 * (Math.PI / 180);
        var phi2 = lat2 * (Math.PI / 180);
        var dPhi = phi2 - phi1;
        var dLambda = (lon2 - lon1) * (Math.PI / 180);
        return Haversine(dPhi, dLambda, Math.Cos(phi1), Math.Cos(phi2));
    }

    internal static double Haversine(double dPhi, double dLambda, double cosPhi1, double cosPhi2)
    {
        var s1 = Math.Sin(dPhi / 2);
        var s2 = Math.Sin(dLambda / 2);
        var h = (s1 * s1) + (cosPhi1 * cosPhi2 * s2 * s2);
        // Rounding can push h a hair above 1 for antipodal points; asin would return NaN.
        return 2 * EarthRadiusKm * Math.Asin(Math.Sqrt(Math.Min(1.0, h)));
    }

    /// <summary>Precomputed radians and cosines so the O(n^2) loops do one sin pair per distance.</summary>
    internal readonly struct Point(double lon, double lat)
    {
        public readonly double Phi = lat * (Math.PI / 180);
        public readonly double Lambda = lon * (Math.PI / 180);
        public readonly double CosPhi = Math.Cos(lat * (Math.PI / 180));

        public double DistanceKm(in Point other) =>
            Haversine(other.Phi - Phi, other.Lambda - Lambda, CosPhi, other.CosPhi);
    }

    /// <summary>The centre of points on the sphere: their normalised unit-vector sum (no trouble at the antimeridian
    /// or near the poles, unlike averaged degrees).</summary>
    public static (double Lon, double Lat) Centroid(IEnumerable<(double Lon, double Lat)> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        return SphereVector.Centroid(points);
    }
}
