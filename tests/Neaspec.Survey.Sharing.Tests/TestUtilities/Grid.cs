namespace Neaspec.Survey.Sharing.Tests.TestUtilities;

/// <summary>The grid of docs/sharing.md written out again for the tests, from its definition: rows of height
/// d/(πR/180) degrees from the south pole, each cut into floor(360 (πR/180) cos φc / d) columns.</summary>
internal static class Grid
{
    private const double R = 6371.0088;
    private static readonly double KmPerDegree = Math.PI * R / 180;

    /// <summary>Whether (lat, lon), published to 5 decimals, is the centre of a cell of the d-km grid.</summary>
    public static bool IsCellCentre(double km, double latitude, double longitude)
    {
        var rowHeight = km / KmPerDegree;
        var row = Math.Floor((latitude + 90) / rowHeight);
        var centre = -90 + ((row + 0.5) * rowHeight);
        if (Math.Abs(latitude - centre) > 0.6e-5)
        {
            return false;
        }
        var columns = Math.Floor(360 * KmPerDegree * Math.Cos(centre * Math.PI / 180) / km);
        var width = 360 / columns;
        var column = Math.Floor((longitude + 180) / width);
        return Math.Abs(longitude - (-180 + ((column + 0.5) * width))) <= 0.6e-5;
    }

    /// <summary>Haversine distance in metres.</summary>
    public static double Meters(double lat1, double lon1, double lat2, double lon2)
    {
        var p1 = lat1 * Math.PI / 180;
        var p2 = lat2 * Math.PI / 180;
        var h = Math.Pow(Math.Sin((p2 - p1) / 2), 2) + (Math.Cos(p1) * Math.Cos(p2) * Math.Pow(Math.Sin((lon2 - lon1) * Math.PI / 360), 2));
        return 2 * R * 1000 * Math.Asin(Math.Sqrt(h));
    }
}
