namespace Neaspec.Survey.Connectivity.Sensitivity;

/// <summary>
/// Kendall's rank correlation tau-b between two paired lists of values (Kendall 1945, the version with ties; the
/// same statistic as R's <c>cor(x, y, method = "kendall")</c> and SciPy's <c>kendalltau</c>):
/// tau_b = (P - Q) / sqrt((P + Q + T) (P + Q + U)), P the concordant pairs, Q the discordant pairs, T the pairs tied
/// in x only, U the pairs tied in y only (a pair tied in both counts in neither). 1 = the same order, -1 = the
/// reverse, 0 = no association. Used to say how much a ranking of sites moves when a threshold changes.
/// </summary>
public static class KendallTau
{
    /// <summary>
    /// tau-b of <paramref name="x"/> and <paramref name="y"/> (the same length, compared pair by pair), or NaN when
    /// it is undefined: fewer than two values, or every value of one list tied (nothing to order). O(n²): the
    /// rankings it compares have at most a few thousand sites.
    /// </summary>
    public static double TauB(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
        {
            throw new ArgumentException($"x has {x.Count} values, y {y.Count}: tau compares pairs.", nameof(y));
        }
        long concordant = 0, discordant = 0, tiedX = 0, tiedY = 0;
        for (var i = 0; i < x.Count; i++)
        {
            for (var j = i + 1; j < x.Count; j++)
            {
                var dx = x[i].CompareTo(x[j]);
                var dy = y[i].CompareTo(y[j]);
                if (dx == 0 && dy == 0)
                {
                    continue;
                }
                if (dx == 0)
                {
                    tiedX++;
                }
                else if (dy == 0)
                {
                    tiedY++;
                }
                else if (dx == dy)
                {
                    concordant++;
                }
                else
                {
                    discordant++;
                }
            }
        }
        var untied = concordant + discordant;
        var denominator = Math.Sqrt((double)(untied + tiedX) * (untied + tiedY));
        return denominator > 0 ? (concordant - discordant) / denominator : double.NaN;
    }
}
