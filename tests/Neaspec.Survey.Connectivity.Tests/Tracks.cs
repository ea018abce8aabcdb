using Neaspec.Survey.Connectivity;

namespace Neaspec.Survey.Connectivity.Tests;

/// <summary>Made-up GPS tracks for the stay and network tests.</summary>
internal static class Tracks
{
    /// <summary>One degree of latitude in km on the project's sphere (6371.0088 km): 111.195 km.</summary>
    public const double KmPerDegree = GreatCircle.EarthRadiusKm * Math.PI / 180;

    /// <summary>A point <paramref name="km"/> north of (lon, lat).</summary>
    public static (double Lon, double Lat) North((double Lon, double Lat) p, double km) => (p.Lon, p.Lat + (km / KmPerDegree));

    /// <summary>Fixes every <paramref name="every"/> from <paramref name="from"/> for <paramref name="hours"/> hours
    /// (end included) at a point.</summary>
    public static IEnumerable<Fix> At(string bird, DateTime from, double hours, (double Lon, double Lat) p, double every = 1)
    {
        for (var h = 0.0; h <= hours + 1e-9; h += every)
        {
            yield return new Fix(bird, from.AddHours(h), p.Lon, p.Lat);
        }
    }

    /// <summary>A straight flight at 50 km/h from a to b, a fix every hour, ends excluded.</summary>
    public static IEnumerable<Fix> Flight(string bird, DateTime from, (double Lon, double Lat) a, (double Lon, double Lat) b, out DateTime landing)
    {
        var km = GreatCircle.DistanceKm(a.Lon, a.Lat, b.Lon, b.Lat);
        var hours = Math.Max(1, (int)Math.Ceiling(km / 50));
        var fixes = new List<Fix>();
        for (var h = 1; h < hours; h++)
        {
            var f = (double)h / hours;
            fixes.Add(new Fix(bird, from.AddHours(h), a.Lon + (f * (b.Lon - a.Lon)), a.Lat + (f * (b.Lat - a.Lat))));
        }
        landing = from.AddHours(hours);
        return fixes;
    }

    public static DateTime Utc(int year, int month, int day, int hour = 0, int minute = 0) =>
        new(year, month, day, hour, minute, 0, DateTimeKind.Utc);
}
