namespace Neaspec.Survey.Ingestion.Sites;

/// <summary>Great-circle distance on a sphere by the haversine formula (Sinnott 1984, "Virtues of the
/// Haversine", Sky and Telescope 68(2):159): within 0.5 % of the ellipsoidal distance, plenty for "is this
/// the same wetland" and for flight speeds between GPS fixes.</summary>
public static class Geodesy
{
    /// <summary>The IUGG mean Earth radius R1 = 6371.0088 km.</summary>
    public const double EarthRadiusMeters = 6_371_008.8;

    /// <summary>The radius PostGIS's <c>ST_DistanceSphere</c> uses: computations that must agree with it use this one.</summary>
    public const double PostgisSphereRadiusMeters = 6_371_008.7714;

    /// <summary>Metres between two points given in decimal degrees (in the unit of <paramref name="radius"/>
    /// when one is given).</summary>
    public static double HaversineMeters(double lat1, double lon1, double lat2, double lon2, double radius = EarthRadiusMeters)
    {
        var dLat = double.DegreesToRadians(lat2 - lat1);
        var dLon = double.DegreesToRadians(lon2 - lon1);
        var h = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
            + Math.Cos(double.DegreesToRadians(lat1)) * Math.Cos(double.DegreesToRadians(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * radius * Math.Asin(Math.Min(1, Math.Sqrt(h)));
    }
}
