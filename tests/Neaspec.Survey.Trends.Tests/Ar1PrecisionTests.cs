using MathNet.Numerics.LinearAlgebra;
using Neaspec.Survey.Trends.Internals;

namespace Neaspec.Survey.Trends.Tests;

/// <summary>The closed-form inverse of a site's AR(1) correlation matrix equals the dense inverse TRIM computes.</summary>
public class Ar1PrecisionTests
{
    [Theory]
    [InlineData(0.3, new[] { 0, 1, 2, 3, 4 })]
    [InlineData(0.3, new[] { 0, 2, 3, 7 })]
    [InlineData(-0.4, new[] { 1, 2, 5, 6, 9 })]
    [InlineData(0.9, new[] { 3 })]
    public void Closed_form_equals_the_dense_inverse_of_rho_to_the_gap(double rho, int[] times)
    {
        var n = times.Length;
        var r = Matrix<double>.Build.Dense(n, n, (a, b) => Math.Pow(rho, Math.Abs(times[a] - times[b])));
        var dense = r.Inverse();
        var diagonal = new double[n];
        var off = new double[n];
        Ar1Precision.Fill(times, rho, diagonal, off);
        for (var a = 0; a < n; a++)
        {
            for (var b = 0; b < n; b++)
            {
                var closed = a == b ? diagonal[a] : Math.Abs(a - b) == 1 ? off[Math.Min(a, b)] : 0;
                Assert.Equal(dense[a, b], closed, 1e-9);
            }
        }
    }
}
