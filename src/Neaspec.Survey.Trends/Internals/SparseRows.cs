namespace Neaspec.Survey.Trends.Internals;

/// <summary>One site's design rows b_ij (one per year) as sparse vectors: model 3's rows hold one non-zero
/// per covariate block, so B'ΩB costs a few multiplications per cell instead of p² (the benchmark's 2,000
/// sites x 25 years run spends most of its time here).</summary>
internal sealed class SparseRows(int[] start, int[] columns, double[] values)
{
    /// <summary>Row j's non-zeros are at [Start[j], Start[j + 1]).</summary>
    public int[] Start { get; } = start;

    public int[] Columns { get; } = columns;

    public double[] Values { get; } = values;

    /// <summary>b_ij' β.</summary>
    public double Dot(int row, double[] beta)
    {
        var sum = 0.0;
        for (var k = Start[row]; k < Start[row + 1]; k++)
        {
            sum += Values[k] * beta[Columns[k]];
        }
        return sum;
    }

    /// <summary>target += scale b_ij.</summary>
    public void AddTo(int row, double scale, Span<double> target)
    {
        for (var k = Start[row]; k < Start[row + 1]; k++)
        {
            target[Columns[k]] += scale * Values[k];
        }
    }

    /// <summary>target += scale (b_ia b_ib' + b_ib b_ia') for a != b, or scale b_ia b_ia' for a == b; target
    /// is p x p, row-major.</summary>
    public void AddOuter(int a, int b, double scale, double[] target, int p)
    {
        for (var x = Start[a]; x < Start[a + 1]; x++)
        {
            var va = scale * Values[x];
            var ca = Columns[x];
            for (var y = Start[b]; y < Start[b + 1]; y++)
            {
                var v = va * Values[y];
                var cb = Columns[y];
                target[(ca * p) + cb] += v;
                if (a != b)
                {
                    target[(cb * p) + ca] += v;
                }
            }
        }
    }
}
