namespace Neaspec.Survey.Trends.Internals;

/// <summary>Symmetric positive definite systems by Cholesky (p x p, p up to a few hundred time parameters;
/// row-major arrays). A matrix that is not positive definite means the counts do not identify the
/// parameters, which the caller turns into a message.</summary>
internal static class Spd
{
    /// <summary>The lower Cholesky factor of <paramref name="a"/>, or null when a is not positive definite.</summary>
    public static double[]? Cholesky(ReadOnlySpan<double> a, int n)
    {
        var l = new double[n * n];
        for (var j = 0; j < n; j++)
        {
            var sum = a[(j * n) + j];
            for (var k = 0; k < j; k++)
            {
                sum -= l[(j * n) + k] * l[(j * n) + k];
            }
            // Relative to the diagonal, so a parameter that no count informs fails instead of blowing up.
            if (!(sum > 1e-12 * Math.Abs(a[(j * n) + j])) || !double.IsFinite(sum))
            {
                return null;
            }
            var diagonal = Math.Sqrt(sum);
            l[(j * n) + j] = diagonal;
            for (var i = j + 1; i < n; i++)
            {
                var s = a[(i * n) + j];
                for (var k = 0; k < j; k++)
                {
                    s -= l[(i * n) + k] * l[(j * n) + k];
                }
                l[(i * n) + j] = s / diagonal;
            }
        }
        return l;
    }

    /// <summary>Solves L L' x = b.</summary>
    public static double[] Solve(double[] l, int n, ReadOnlySpan<double> b)
    {
        var x = b.ToArray();
        for (var i = 0; i < n; i++)
        {
            for (var k = 0; k < i; k++)
            {
                x[i] -= l[(i * n) + k] * x[k];
            }
            x[i] /= l[(i * n) + i];
        }
        for (var i = n - 1; i >= 0; i--)
        {
            for (var k = i + 1; k < n; k++)
            {
                x[i] -= l[(k * n) + i] * x[k];
            }
            x[i] /= l[(i * n) + i];
        }
        return x;
    }

    /// <summary>a⁻¹, or null when a is not positive definite.</summary>
    public static double[]? Inverse(ReadOnlySpan<double> a, int n)
    {
        if (Cholesky(a, n) is not { } l)
        {
            return null;
        }
        var inverse = new double[n * n];
        var unit = new double[n];
        for (var c = 0; c < n; c++)
        {
            Array.Clear(unit);
            unit[c] = 1;
            var column = Solve(l, n, unit);
            for (var r = 0; r < n; r++)
            {
                inverse[(r * n) + c] = column[r];
            }
        }
        return inverse;
    }

    /// <summary>θ' A⁻¹ θ (a Wald statistic), or NaN when A is singular.</summary>
    public static double QuadraticInverse(ReadOnlySpan<double> a, int n, ReadOnlySpan<double> theta)
    {
        if (Cholesky(a, n) is not { } l)
        {
            return double.NaN;
        }
        var x = Solve(l, n, theta);
        var sum = 0.0;
        for (var i = 0; i < n; i++)
        {
            sum += theta[i] * x[i];
        }
        return sum;
    }
}
