namespace Neaspec.Survey.Trends.Internals;

/// <summary>
/// The design of ln μ = Aα + Bβ (TRIM 3 manual, "Models"; rtrim's documentation writes it the same way):
/// one α per site, and the rows b_ij of B per model.
/// <list type="bullet">
/// <item>Model 1: no β.</item>
/// <item>Model 2 with changepoints c_1 = 1 &lt; c_2 &lt; ... (time points j = 1..J): one slope β_k per segment;
/// b_ijk = 0 before c_k, j - c_k inside [c_k, c_k+1], c_k+1 - c_k after it, so ln μ grows by β_k a year
/// inside segment k and the segments join.</item>
/// <item>Model 3: γ_2..γ_J (γ_1 = 0): b_ij is the unit vector of time j.</item>
/// </list>
/// Covariates (TRIM 3 manual, "Covariates"): each category g &gt; 1 of a covariate adds a copy of the
/// baseline parameters, used by the cells in that category, so a category's slope or time effect is the
/// baseline's plus its own (β = [β_0, β_c1g2, ...]).
/// </summary>
internal sealed class Design
{
    private readonly double[,] baseline;
    private readonly SparseRows? shared;
    private readonly SparseRows[]? perSite;

    public Design(TrendModel model, int years, IReadOnlyList<int> changepoints, CountTable table)
    {
        baseline = model switch
        {
            TrendModel.NoTimeEffects => new double[years, 0],
            TrendModel.LinearTrend => LinearTrend(years, changepoints),
            TrendModel.TimeEffects => TimeEffects(years),
            _ => throw new ArgumentOutOfRangeException(nameof(model), model, null),
        };
        BaselineCount = baseline.GetLength(1);
        Blocks = 1 + table.CategoryNames.Sum(c => c.Length - 1);
        Count = BaselineCount * Blocks;
        if (table.CovariateNames.Length == 0)
        {
            shared = Rows(table, -1);
        }
        else
        {
            perSite = Enumerable.Range(0, table.SiteCount).Select(i => Rows(table, i)).ToArray();
        }
    }

    /// <summary>Parameters per block (the baseline's).</summary>
    public int BaselineCount { get; }

    /// <summary>1 + the number of covariate categories beyond each covariate's first.</summary>
    public int Blocks { get; }

    /// <summary>p, the length of β.</summary>
    public int Count { get; }

    /// <summary>Element (j, k) of the baseline design.</summary>
    public double Baseline(int year, int k) => baseline[year, k];

    /// <summary>Site i's rows.</summary>
    public SparseRows RowsOf(int site) => shared ?? perSite![site];

    /// <summary>The first parameter of covariate c's category g (g &gt;= 1) in β.</summary>
    public static int BlockStart(CountTable table, int covariate, int category, int baselineCount)
    {
        var block = 1;
        for (var c = 0; c < covariate; c++)
        {
            block += table.CategoryNames[c].Length - 1;
        }
        return baselineCount * (block + category - 1);
    }

    private static double[,] LinearTrend(int years, IReadOnlyList<int> changepoints)
    {
        var b = new double[years, changepoints.Count];
        for (var k = 0; k < changepoints.Count; k++)
        {
            var from = changepoints[k];
            var to = k + 1 < changepoints.Count ? changepoints[k + 1] : years - 1;
            for (var j = from; j < years; j++)
            {
                b[j, k] = Math.Min(j, to) - from;
            }
        }
        return b;
    }

    private static double[,] TimeEffects(int years)
    {
        var b = new double[years, years - 1];
        for (var j = 1; j < years; j++)
        {
            b[j, j - 1] = 1;
        }
        return b;
    }

    private SparseRows Rows(CountTable table, int site)
    {
        var years = table.YearCount;
        var start = new int[years + 1];
        var columns = new List<int>();
        var values = new List<double>();
        for (var j = 0; j < years; j++)
        {
            start[j] = columns.Count;
            Add(j, 0);
            for (var c = 0; site >= 0 && c < table.CovariateNames.Length; c++)
            {
                var g = table.Categories[c][(site * years) + j];
                if (g > 0)
                {
                    Add(j, BlockStart(table, c, g, BaselineCount));
                }
            }
        }
        start[years] = columns.Count;
        return new SparseRows(start, [.. columns], [.. values]);

        void Add(int j, int offset)
        {
            for (var k = 0; k < BaselineCount; k++)
            {
                if (baseline[j, k] != 0)
                {
                    columns.Add(offset + k);
                    values.Add(baseline[j, k]);
                }
            }
        }
    }
}
