using Neaspec.Survey.Connectivity;

/// <summary>
/// The radius-and-duration rule that StayDetector replaced (issue 12), kept here only as the benchmark's baseline
/// and for the comparison in docs/connectivity.md: a run takes the next fix while every fix of the run lies within
/// the radius of the run's spherical centre; a run of at least the minimum duration is a stopover, a shorter one is
/// dropped and the search restarts at the fix after its first (which is what made it quadratic).
/// </summary>
internal static class OldStopoverRule
{
    public static int Count(TrackFix[] track, double radiusKm = 10, double minimumHours = 24)
    {
        var vectors = track.Select(f => Unit(f.Longitude, f.Latitude)).ToArray();
        var found = 0;
        var start = 0;
        while (start < track.Length)
        {
            var sum = vectors[start];
            var end = start + 1;
            while (end < track.Length)
            {
                var trial = Add(sum, vectors[end]);
                var centre = Normalise(trial);
                var all = true;
                for (var i = start; i <= end && all; i++)
                {
                    all = Distance(centre, vectors[i]) <= radiusKm;
                }
                if (!all)
                {
                    break;
                }
                sum = trial;
                end++;
            }
            if ((track[end - 1].Timestamp - track[start].Timestamp).TotalHours >= minimumHours)
            {
                found++;
                start = end;
            }
            else
            {
                start++;
            }
        }
        return found;
    }

    private static (double X, double Y, double Z) Unit(double lon, double lat)
    {
        var phi = lat * Math.PI / 180;
        var lambda = lon * Math.PI / 180;
        return (Math.Cos(phi) * Math.Cos(lambda), Math.Cos(phi) * Math.Sin(lambda), Math.Sin(phi));
    }

    private static (double X, double Y, double Z) Add((double X, double Y, double Z) a, (double X, double Y, double Z) b) =>
        (a.X + b.X, a.Y + b.Y, a.Z + b.Z);

    private static (double X, double Y, double Z) Normalise((double X, double Y, double Z) v)
    {
        var l = Math.Sqrt((v.X * v.X) + (v.Y * v.Y) + (v.Z * v.Z));
        return (v.X / l, v.Y / l, v.Z / l);
    }

    private static double Distance((double X, double Y, double Z) a, (double X, double Y, double Z) b)
    {
        var dot = Math.Clamp((a.X * b.X) + (a.Y * b.Y) + (a.Z * b.Z), -1, 1);
        return GreatCircle.EarthRadiusKm * Math.Acos(dot);
    }
}
