namespace Neaspec.Survey.Connectivity;

/// <summary>Small dense linear algebra the analyses need (a few hundred sites at most), without a numerics
/// package for one routine.</summary>
internal static class DenseMatrix
{
    /// <summary>The inverse by Gauss-Jordan elimination with partial pivoting (Press et al., Numerical Recipes,
    /// §2.1), O(n^3).</summary>
    /// <exception cref="ArgumentException">The matrix is singular.</exception>
    public static double[,] Inverse(double[,] matrix)
    {
        var n = matrix.GetLength(0);
        var a = (double[,])matrix.Clone();
        var inverse = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            inverse[i, i] = 1;
        }
        for (var column = 0; column < n; column++)
        {
            var pivot = column;
            for (var row = column + 1; row < n; row++)
            {
                if (Math.Abs(a[row, column]) > Math.Abs(a[pivot, column]))
                {
                    pivot = row;
                }
            }
            if (Math.Abs(a[pivot, column]) < 1e-14)
            {
                throw new ArgumentException("The matrix is singular.", nameof(matrix));
            }
            SwapRows(a, pivot, column);
            SwapRows(inverse, pivot, column);
            var scale = 1 / a[column, column];
            for (var k = 0; k < n; k++)
            {
                a[column, k] *= scale;
                inverse[column, k] *= scale;
            }
            for (var row = 0; row < n; row++)
            {
                var factor = a[row, column];
                if (row == column || factor == 0)
                {
                    continue;
                }
                for (var k = 0; k < n; k++)
                {
                    a[row, k] -= factor * a[column, k];
                    inverse[row, k] -= factor * inverse[column, k];
                }
            }
        }
        return inverse;
    }

    private static void SwapRows(double[,] m, int r1, int r2)
    {
        if (r1 == r2)
        {
            return;
        }
        for (var k = 0; k < m.GetLength(1); k++)
        {
            (m[r1, k], m[r2, k]) = (m[r2, k], m[r1, k]);
        }
    }
}
