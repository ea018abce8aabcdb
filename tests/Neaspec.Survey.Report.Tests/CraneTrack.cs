using Neaspec.Survey.Connectivity;

namespace Neaspec.Survey.Report.Tests;

/// <summary>Builds one made-up crane track: hourly fixes at stays (optionally commuting to a feeding ground), flights
/// at 50 km/h with a fix every hour, and gaps.</summary>
internal sealed class CraneTrack(string bird, DateTime start)
{
    /// <summary>km per degree of latitude on the project's sphere.</summary>
    public const double KmPerDegree = GreatCircle.EarthRadiusKm * Math.PI / 180;

    private DateTime time = start;
    private (double Lon, double Lat) at;

    public List<Fix> Fixes { get; } = [];

    /// <summary>Hourly fixes at <paramref name="point"/> from now until <paramref name="until"/> (included). With a
    /// commute, 10:00-17:00 UTC is spent <paramref name="commuteKm"/> north of the roost.</summary>
    public CraneTrack Stay((double Lon, double Lat) point, DateTime until, double commuteKm = 0)
    {
        at = point;
        (double Lon, double Lat) feeding = (point.Lon, point.Lat + (commuteKm / KmPerDegree));
        for (; time <= until; time = time.AddHours(1))
        {
            var p = commuteKm > 0 && time.Hour is >= 10 and <= 17 ? feeding : point;
            Fixes.Add(new Fix(bird, time, p.Lon, p.Lat));
        }
        if (Fixes[^1].Timestamp < until)
        {
            Fixes.Add(new Fix(bird, until, point.Lon, point.Lat));
        }
        time = until;
        return this;
    }

    /// <summary>One fix at <paramref name="when"/> moved <paramref name="km"/> north (a single-fix excursion).</summary>
    public CraneTrack Excursion(DateTime when, double km)
    {
        var i = Fixes.FindIndex(f => f.Timestamp == when);
        Fixes[i] = Fixes[i] with { Latitude = Fixes[i].Latitude + (km / KmPerDegree) };
        return this;
    }

    /// <summary>Removes the fixes after <paramref name="from"/> and before <paramref name="to"/>: the tag was silent.</summary>
    public CraneTrack Gap(DateTime from, DateTime to)
    {
        Fixes.RemoveAll(f => f.Timestamp > from && f.Timestamp < to);
        return this;
    }

    /// <summary>A straight flight to <paramref name="point"/> at 50 km/h, a fix every hour after leaving.</summary>
    public CraneTrack FlyTo((double Lon, double Lat) point)
    {
        var km = GreatCircle.DistanceKm(at.Lon, at.Lat, point.Lon, point.Lat);
        var hours = Math.Max(1, (int)Math.Ceiling(km / 50));
        for (var h = 1; h < hours; h++)
        {
            var f = (double)h / hours;
            Fixes.Add(new Fix(bird, time.AddHours(h), at.Lon + (f * (point.Lon - at.Lon)), at.Lat + (f * (point.Lat - at.Lat))));
        }
        time = time.AddHours(hours);
        at = point;
        return this;
    }
}
