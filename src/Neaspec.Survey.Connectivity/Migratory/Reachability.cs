namespace Neaspec.Survey.Connectivity.Migratory;

/// <summary>
/// Reachability over several steps: h_ij, the probability that a bird at a stay at site i reaches site j at any
/// later stay of the season — by any route, loops included — from the one-step telemetry probabilities p_ij
/// (share of the birds present at i whose next stay was j; birds whose season ended at i count in the
/// denominator, so sum_j p_ij &lt;= 1 and the rest, 1 - sum_j p_ij, is the chance that the season ends at i).
/// </summary>
/// <remarks>
/// <para>The season is an absorbing Markov chain: the sites are its transient states, "the season ended" its
/// absorbing state, and the telemetry matrix P its Q. With the fundamental matrix N = (I - Q)^-1 (Kemeny &amp; Snell
/// 1960, Finite Markov Chains, §3.2: N_ij is the expected number of stays at j of a bird starting at i, the start
/// included) the probability of ever reaching j is H = (N - I) N_dg^-1 (Kemeny &amp; Snell §3.5): h_ij = N_ij / N_jj
/// for i != j, and h_ii = 1 - 1 / N_ii is the probability of coming back to i. Fletcher et al. 2019 (Ecol Lett
/// 22:1680-1689) build habitat connectivity on the same absorbing-chain algebra.</para>
/// <para>What it changes in PC: Conefor's p*_ij is the probability of the single best route (the maximum product
/// of link probabilities). h_ij adds every other route, so h_ij &gt;= p*_ij and PCnum with h is at least PCnum with
/// p*; they are equal where only one route joins each pair (a chain, a tree). Where birds spread over parallel
/// routes (A to D through B or through C) p* keeps only the better half of the traffic and h counts all of it.
/// Off by default: the published PC is defined with p*, and the dPC fractions have no absorbing-chain
/// counterpart here (removing a site from a chain needs a rule for where its birds would have gone).</para>
/// <para>It only applies to one-step probabilities that are shares of birds (rows summing to at most 1): a
/// distance-decay kernel is not a transition matrix. Cost: one dense inversion, O(n^3).</para>
/// </remarks>
public static class Reachability
{
    /// <summary>Rows may sum to 1 plus this much rounding.</summary>
    private const double RowTolerance = 1e-9;

    /// <summary>H from the one-step probabilities.</summary>
    /// <param name="transitions">n x n, p_ij in [0, 1], rows summing to at most 1.</param>
    /// <returns>n x n: h_ij for i != j; on the diagonal the probability of returning to i at a later stay
    /// (PC takes p*_ii = 1 whatever it is, see <see cref="PCnum"/>).</returns>
    /// <exception cref="ArgumentException">Out-of-range values, or a site from which the season can never end
    /// (a closed set of sites whose birds all move on within it): then N does not exist.</exception>
    public static double[,] Probabilities(double[,] transitions)
    {
        ArgumentNullException.ThrowIfNull(transitions);
        return Compute(transitions, i => i.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>H of a directed telemetry network, in the order of <see cref="SiteNetwork.Nodes"/>.</summary>
    public static double[,] Probabilities(SiteNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (!network.IsDirected)
        {
            throw new ArgumentException("Reachability needs a directed telemetry network; an undirected one (distance decay) has no transition probabilities.", nameof(network));
        }
        var p = new double[network.Nodes.Count, network.Nodes.Count];
        foreach (var link in network.Links)
        {
            p[network.Index[link.From], network.Index[link.To]] = link.Probability;
        }
        return Compute(p, i => $"'{network.Nodes[i].Id}'");
    }

    private static double[,] Compute(double[,] transitions, Func<int, string> site)
    {
        var n = transitions.GetLength(0);
        if (transitions.GetLength(1) != n)
        {
            throw new ArgumentException("The transition matrix must be square.", nameof(transitions));
        }
        CheckRows(transitions, site);
        CheckAbsorbing(transitions, site);
        var m = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                m[i, j] = (i == j ? 1 : 0) - transitions[i, j];
            }
        }
        var fundamental = DenseMatrix.Inverse(m);
        var h = new double[n, n];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                h[i, j] = i == j ? 1 - (1 / fundamental[i, i]) : fundamental[i, j] / fundamental[j, j];
            }
        }
        return h;
    }

    /// <summary>PCnum with reachability in place of the best-path probability: sum_i sum_j a_i a_j h_ij with
    /// h_ii = 1 (Saura &amp; Pascual-Hortal 2007's PCnum with p* replaced by <paramref name="reach"/>).</summary>
    public static double PCnum(SiteNetwork network, double[,] reach)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(reach);
        var a = network.Nodes.Select(x => x.Weight).ToArray();
        if (reach.GetLength(0) != a.Length || reach.GetLength(1) != a.Length)
        {
            throw new ArgumentException("The reachability matrix does not match the network's sites.", nameof(reach));
        }
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            for (var j = 0; j < a.Length; j++)
            {
                sum += a[i] * a[j] * (i == j ? 1 : reach[i, j]);
            }
        }
        return sum;
    }

    /// <summary>
    /// PC and EC with reachability at any later stay in place of Conefor's best path: PC = PCnum / A_L^2 with PCnum
    /// from <see cref="PCnum"/>, EC = sqrt(PCnum). NaN (both) when the network has no absorbing chain (a closed set of
    /// sites the season never ends in, or the p_ij out of a site summing to more than 1 because a bird left it twice
    /// for different sites).
    /// </summary>
    /// <param name="network">A directed telemetry network.</param>
    /// <param name="areaTotal">A_L, as the run's <see cref="ConnectivityResult.AreaTotal"/>.</param>
    public static (double PC, double EC) PC(SiteNetwork network, double areaTotal)
    {
        ArgumentNullException.ThrowIfNull(network);
        if (!TryProbabilities(network, out var reach, out _))
        {
            return (double.NaN, double.NaN);
        }
        var pcnum = PCnum(network, reach!);
        return (pcnum / (areaTotal * areaTotal), Math.Sqrt(pcnum));
    }

    /// <summary><see cref="Probabilities(SiteNetwork)"/>, or false and the reason in words when the network is not an
    /// absorbing chain.</summary>
    public static bool TryProbabilities(SiteNetwork network, out double[,]? reach, out string? reason)
    {
        ArgumentNullException.ThrowIfNull(network);
        try
        {
            reach = Probabilities(network);
            reason = null;
            return true;
        }
        catch (ArgumentException e)
        {
            reach = null;
            reason = e.Message.Split(" (Parameter", 2)[0];
            return false;
        }
    }

    private static void CheckRows(double[,] p, Func<int, string> site)
    {
        var n = p.GetLength(0);
        for (var i = 0; i < n; i++)
        {
            var sum = 0.0;
            for (var j = 0; j < n; j++)
            {
                if (!(p[i, j] >= 0 && p[i, j] <= 1))
                {
                    throw new ArgumentException($"p[site {site(i)} -> site {site(j)}] = {p[i, j]} is not a probability.", "transitions");
                }
                sum += p[i, j];
            }
            if (sum > 1 + RowTolerance)
            {
                throw new ArgumentException($"The probabilities out of site {site(i)} sum to {sum} > 1; they are not shares of the birds present there.", "transitions");
            }
        }
    }

    /// <summary>Every site must lead (in any number of steps) to a site where the season can end (row sum &lt; 1);
    /// otherwise I - Q is singular. A backwards search from those sites.</summary>
    private static void CheckAbsorbing(double[,] p, Func<int, string> site)
    {
        var n = p.GetLength(0);
        var ends = new bool[n];
        var queue = new Queue<int>();
        for (var i = 0; i < n; i++)
        {
            var sum = 0.0;
            for (var j = 0; j < n; j++)
            {
                sum += p[i, j];
            }
            if (sum < 1 - RowTolerance)
            {
                ends[i] = true;
                queue.Enqueue(i);
            }
        }
        while (queue.TryDequeue(out var j))
        {
            for (var i = 0; i < n; i++)
            {
                if (!ends[i] && p[i, j] > 0)
                {
                    ends[i] = true;
                    queue.Enqueue(i);
                }
            }
        }
        var stuck = Array.IndexOf(ends, false);
        if (stuck >= 0)
        {
            throw new ArgumentException($"From site {site(stuck)} every bird moves on within a closed set of sites and the season never ends there; reachability needs the birds that stayed counted in the denominators.", "transitions");
        }
    }
}
