namespace Neaspec.Survey.Connectivity;

/// <summary>One GPS location of a tracked individual.</summary>
/// <param name="Individual">Individual (animal) id.</param>
/// <param name="Timestamp">UTC time of the fix.</param>
/// <param name="Longitude">WGS84 longitude in decimal degrees.</param>
/// <param name="Latitude">WGS84 latitude in decimal degrees.</param>
/// <param name="Outlier">Flagged as an outlier (manually or by the import); such fixes are ignored.</param>
public sealed record Fix(string Individual, DateTime Timestamp, double Longitude, double Latitude, bool Outlier = false);

/// <summary>A run of fixes of one individual staying within a radius for at least a duration.</summary>
/// <param name="Individual">Individual id.</param>
/// <param name="Arrival">Time of the first fix of the run.</param>
/// <param name="Departure">Time of the last fix of the run.</param>
/// <param name="Longitude">Longitude of the centre (centroid of the fixes on the sphere).</param>
/// <param name="Latitude">Latitude of the centre.</param>
/// <param name="RadiusKm">Greatest great-circle distance of a fix of the run from the centre.</param>
/// <param name="Fixes">Number of fixes in the run.</param>
public sealed record Stopover(string Individual, DateTime Arrival, DateTime Departure, double Longitude, double Latitude,
    double RadiusKm, int Fixes)
{
    /// <summary>Departure - arrival.</summary>
    public TimeSpan Duration => Departure - Arrival;
}

/// <summary>Thresholds of <see cref="StopoverDetector"/>.</summary>
public sealed record StopoverOptions
{
    /// <summary>Every fix of a stopover lies within this distance of its centre (default 10 km).</summary>
    public double RadiusKm { get; init; } = 10;

    /// <summary>A stopover lasts at least this long from first to last fix (default 24 h).</summary>
    public TimeSpan MinimumDuration { get; init; } = TimeSpan.FromHours(24);
}

/// <summary>
/// Finds stopovers in GPS fixes. Per individual, outliers dropped and fixes in time order: a run starts at a
/// fix and takes the next fix as long as, with it, every fix of the run lies within the radius of the run's
/// centre (the normalised mean of the fixes' unit vectors). When a fix would break that, the run closes;
/// it is a stopover if its first and last fix are at least the minimum duration apart, and the next run starts
/// at the breaking fix. A run too short is dropped and the next run starts at the fix after its first one,
/// so a stopover is not missed because a short wander came just before it.
/// </summary>
public static class StopoverDetector
{
    /// <summary>Stopovers of all individuals, ordered by individual then arrival.</summary>
    public static IReadOnlyList<Stopover> Detect(IEnumerable<Fix> fixes, StopoverOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(fixes);
        options ??= new StopoverOptions();
        if (!(options.RadiusKm > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.RadiusKm, "The stopover radius must be > 0 km.");
        }
        var stopovers = new List<Stopover>();
        foreach (var track in fixes.Where(f => !f.Outlier).GroupBy(f => f.Individual, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var ordered = track.OrderBy(f => f.Timestamp).ToArray();
            Detect(ordered, options, stopovers);
        }
        return stopovers;
    }

    private static void Detect(Fix[] track, StopoverOptions options, List<Stopover> into)
    {
        var vectors = track.Select(f => UnitVector(f.Longitude, f.Latitude)).ToArray();
        var start = 0;
        while (start < track.Length)
        {
            var sum = vectors[start];
            var end = start + 1; // exclusive
            var centre = vectors[start];
            while (end < track.Length)
            {
                var trial = sum + vectors[end];
                var trialCentre = trial.Normalised();
                if (!AllWithin(vectors, start, end + 1, trialCentre, options.RadiusKm))
                {
                    break;
                }
                sum = trial;
                centre = trialCentre;
                end++;
            }
            if (track[end - 1].Timestamp - track[start].Timestamp >= options.MinimumDuration)
            {
                var (lon, lat) = centre.ToLonLat();
                var radius = 0.0;
                for (var i = start; i < end; i++)
                {
                    radius = Math.Max(radius, centre.DistanceKm(vectors[i]));
                }
                into.Add(new Stopover(track[start].Individual, track[start].Timestamp, track[end - 1].Timestamp, lon, lat, radius, end - start));
                start = end;
            }
            else
            {
                start++;
            }
        }
    }

    private static bool AllWithin(Vector3[] vectors, int from, int to, Vector3 centre, double radiusKm)
    {
        for (var i = from; i < to; i++)
        {
            if (centre.DistanceKm(vectors[i]) > radiusKm)
            {
                return false;
            }
        }
        return true;
    }

    internal static Vector3 UnitVector(double lon, double lat)
    {
        var phi = lat * (Math.PI / 180);
        var lambda = lon * (Math.PI / 180);
        return new Vector3(Math.Cos(phi) * Math.Cos(lambda), Math.Cos(phi) * Math.Sin(lambda), Math.Sin(phi));
    }

    /// <summary>A point on (or, for a sum, off) the unit sphere; the centroid is the normalised sum.</summary>
    internal readonly record struct Vector3(double X, double Y, double Z)
    {
        public static Vector3 operator +(Vector3 a, Vector3 b) => new(a.X + b.X, a.Y + b.Y, a.Z + b.Z);

        public Vector3 Normalised()
        {
            var length = Math.Sqrt((X * X) + (Y * Y) + (Z * Z));
            return new Vector3(X / length, Y / length, Z / length);
        }

        public (double Lon, double Lat) ToLonLat() =>
            (Math.Atan2(Y, X) * (180 / Math.PI), Math.Asin(Math.Clamp(Z, -1, 1)) * (180 / Math.PI));

        /// <summary>Great-circle distance between unit vectors (atan2 form: stable for tiny angles).</summary>
        public double DistanceKm(Vector3 o)
        {
            var cx = (Y * o.Z) - (Z * o.Y);
            var cy = (Z * o.X) - (X * o.Z);
            var cz = (X * o.Y) - (Y * o.X);
            var cross = Math.Sqrt((cx * cx) + (cy * cy) + (cz * cz));
            var dot = (X * o.X) + (Y * o.Y) + (Z * o.Z);
            return GreatCircle.EarthRadiusKm * Math.Atan2(cross, dot);
        }
    }
}
