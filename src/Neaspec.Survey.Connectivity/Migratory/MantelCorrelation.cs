namespace Neaspec.Survey.Connectivity.Migratory;

/// <summary>
/// The Mantel correlation rM between individuals' distances apart at origin and at target (Cohen et al. 2018
/// compare MC with it; Ambrosini et al. 2009 used it for migratory connectivity): the Pearson correlation over
/// the pairs i &lt; j of animals of (distance between i and j at origin, distance between i and j at target).
/// </summary>
/// <remarks>
/// Each pair of animals weighs the same, whatever the abundance of the populations they were tagged in; that is
/// the difference from <see cref="MigratoryConnectivity"/>, which weighs pairs by origin abundance. The statistic
/// is the one of MigConnectivity's calcMantel (pointCorr, via ncf::mantel.test: the correlation of the lower
/// triangles). The permutation test of the Mantel test is not computed: the bootstrap over individuals gives the
/// interval instead.
/// </remarks>
public static class MantelCorrelation
{
    /// <summary>rM from the individuals' points: great-circle distances (<see cref="GreatCircle"/>, haversine on
    /// the IUGG mean sphere; MigConnectivity uses the WGS84 ellipsoid, a difference below 0.5 % per distance).</summary>
    /// <param name="origins">Each animal's origin point (longitude, latitude in degrees).</param>
    /// <param name="targets">The same animals' target points, in the same order.</param>
    /// <returns>rM, or NaN with fewer than 3 animals or when either set of distances does not vary.</returns>
    public static double FromPoints(IReadOnlyList<(double Longitude, double Latitude)> origins,
        IReadOnlyList<(double Longitude, double Latitude)> targets)
    {
        ArgumentNullException.ThrowIfNull(origins);
        ArgumentNullException.ThrowIfNull(targets);
        if (origins.Count != targets.Count)
        {
            throw new ArgumentException($"{origins.Count} origin points but {targets.Count} target points.", nameof(targets));
        }
        return FromDistances(DistanceMatrix(origins), DistanceMatrix(targets));
    }

    /// <summary>rM from the individuals' distance matrices (n x n, symmetric; only i &lt; j is read).</summary>
    public static double FromDistances(double[,] originDistances, double[,] targetDistances)
    {
        ArgumentNullException.ThrowIfNull(originDistances);
        ArgumentNullException.ThrowIfNull(targetDistances);
        var n = originDistances.GetLength(0);
        if (originDistances.GetLength(1) != n || targetDistances.GetLength(0) != n || targetDistances.GetLength(1) != n)
        {
            throw new ArgumentException("Both distance matrices must be n x n for the same n animals.", nameof(targetDistances));
        }
        return Pairs(n, (i, j) => originDistances[i, j], (i, j) => targetDistances[i, j]);
    }

    /// <summary>rM over some of the animals of the distance matrices, repeats allowed: a bootstrap resample. Two
    /// copies of one animal are a pair at distance 0 in both seasons, as in a resample of the points.</summary>
    /// <param name="originDistances">n x n distances between the animals at origin.</param>
    /// <param name="targetDistances">n x n distances between the same animals at target.</param>
    /// <param name="animals">Indices into the matrices.</param>
    public static double FromDistances(double[,] originDistances, double[,] targetDistances, IReadOnlyList<int> animals)
    {
        ArgumentNullException.ThrowIfNull(originDistances);
        ArgumentNullException.ThrowIfNull(targetDistances);
        ArgumentNullException.ThrowIfNull(animals);
        return Pairs(animals.Count,
            (i, j) => originDistances[animals[i], animals[j]],
            (i, j) => targetDistances[animals[i], animals[j]]);
    }

    /// <summary>The great-circle distances in km between every two of <paramref name="points"/>.</summary>
    public static double[,] DistanceMatrix(IReadOnlyList<(double Longitude, double Latitude)> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var p = points.Select(x => new GreatCircle.Point(x.Longitude, x.Latitude)).ToArray();
        var m = new double[p.Length, p.Length];
        for (var i = 0; i < p.Length; i++)
        {
            for (var j = i + 1; j < p.Length; j++)
            {
                m[i, j] = m[j, i] = p[i].DistanceKm(p[j]);
            }
        }
        return m;
    }

    /// <summary>Pearson correlation over the pairs i &lt; j, in two passes (means first) so large distances in km
    /// do not lose the digits a one-pass sum of squares would.</summary>
    private static double Pairs(int n, Func<int, int, double> x, Func<int, int, double> y)
    {
        if (n < 3)
        {
            return double.NaN;
        }
        var pairs = (double)n * (n - 1) / 2;
        double sx = 0, sy = 0;
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                sx += x(i, j);
                sy += y(i, j);
            }
        }
        var mx = sx / pairs;
        var my = sy / pairs;
        double sxy = 0, sxx = 0, syy = 0;
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 1; j < n; j++)
            {
                var dx = x(i, j) - mx;
                var dy = y(i, j) - my;
                sxy += dx * dy;
                sxx += dx * dx;
                syy += dy * dy;
            }
        }
        return sxx > 0 && syy > 0 ? sxy / Math.Sqrt(sxx * syy) : double.NaN;
    }
}
