namespace Neaspec.Survey.Connectivity;

/// <summary>
/// The single-source searches of <see cref="PathSearch"/> for one thread: the scratch arrays are allocated once and
/// reused for every source of the thread's chunks, and the sums go into <see cref="Totals"/>.
/// </summary>
internal sealed class PathSearchWorker
{
    /// <summary>Relative tolerance under which a stepping-stone path counts as no better than the direct link.</summary>
    private const double DirectTolerance = 1e-12;

    private readonly Graph graph;
    private readonly double[] weight;
    private readonly bool hopsOnly;
    private readonly int[] countryOf;
    private readonly int countryCount;
    private readonly double[] distance;
    private readonly double[] distance2;
    private readonly int[] parent;
    private readonly int[] visitOrder;
    private readonly TreeRanges ranges;
    private readonly double[] nodeValue;
    private readonly double[] directP;
    private readonly int[] maxId;
    private readonly int[] rank;
    private readonly double[] pathCount;
    private readonly double[] dependency;
    private readonly PriorityQueue<int, double> heap = new();

    public PathSearchWorker(Graph g, double[] a, bool hops, int[] country, int countries)
    {
        graph = g;
        weight = a;
        hopsOnly = hops;
        countryOf = country;
        countryCount = countries;
        var n = g.N;
        distance = new double[n];
        distance2 = new double[n];
        parent = new int[n];
        visitOrder = new int[n];
        ranges = new TreeRanges(n);
        nodeValue = new double[n];
        directP = new double[n];
        maxId = new int[n];
        rank = new int[n];
        pathCount = new double[n];
        dependency = new double[n];
        Array.Fill(rank, -1);
        Totals = new PathSearch.Totals(n, countries);
    }

    public PathSearch.Totals Totals { get; set; }

    /// <summary>Adds to <see cref="Totals"/> every pair that starts at source s: search, pair values, BC, dPCconnector.</summary>
    public void FromSource(int s)
    {
        var (reached, ties) = Search(s);
        AddPairValues(s, reached);
        if (reached <= 2)
        {
            return; // no node can stand between s and anything
        }

        // The shortest-path tree in preorder, so that a subtree is a range.
        ranges.Build(visitOrder, reached, parent);

        if (!hopsOnly)
        {
            if (ties)
            {
                Betweenness(s, reached);
            }
            else
            {
                TreeBetweenness(reached);
            }
        }
        AddConnectorLosses(s, reached);
    }

    /// <summary>
    /// Dijkstra from s over the arc weights: fills distance, parent and visitOrder (settling order); returns how many
    /// nodes were reached and whether any two paths tied (then betweenness must count path multiplicities).
    /// </summary>
    private (int Reached, bool Ties) Search(int s)
    {
        var g = graph;
        Array.Fill(distance, double.PositiveInfinity);
        Array.Fill(parent, -1);
        Array.Fill(ranges.Tin, -1);
        distance[s] = 0;
        heap.Clear();
        heap.Enqueue(s, 0);
        var reached = 0;
        var ties = false;
        while (heap.TryDequeue(out var u, out var du))
        {
            if (du > distance[u])
            {
                continue; // stale heap entry
            }
            visitOrder[reached++] = u;
            for (var e = g.OutStart[u]; e < g.OutStart[u + 1]; e++)
            {
                var v = g.OutTo[e];
                var nd = du + g.OutW[e];
                // Two paths that arrive equally well always meet here, whichever comes second.
                var old = distance[v];
                if (nd < old)
                {
                    ties |= old <= nd + TieTolerance(nd);
                    distance[v] = nd;
                    parent[v] = u;
                    heap.Enqueue(v, nd);
                }
                else if (nd <= old + TieTolerance(old))
                {
                    ties = true;
                }
            }
        }
        return (reached, ties);
    }

    /// <summary>
    /// The terms a_s a_j f(best path s->j) for every reached j, including the intra-node term: into PCnum (or IICnum),
    /// dPCflux, the country pairs and the direct/stepping-stone split.
    /// </summary>
    private void AddPairValues(int s, int reached)
    {
        var g = graph;
        var t = Totals;
        var aS = weight[s];
        var cs = countryOf[s] * countryCount;
        // p*_ii = 1: the intra-node term a_i^2.
        var intra = aS * aS;
        t.Num += intra;
        t.Intra += intra;
        t.CountryPairs[cs + countryOf[s]] += intra;
        if (!hopsOnly)
        {
            for (var e = g.OutStart[s]; e < g.OutStart[s + 1]; e++)
            {
                directP[g.OutTo[e]] = g.OutP[e];
            }
        }
        for (var r = 1; r < reached; r++)
        {
            var j = visitOrder[r];
            var val = aS * weight[j] * Value(hopsOnly, distance[j]);
            nodeValue[j] = val;
            t.Num += val;
            // dPCflux counts a pair for both of its ends (both directions summed over the sources).
            t.Flux[s] += val;
            t.Flux[j] += val;
            t.CountryPairs[cs + countryOf[j]] += val;
            if (!hopsOnly)
            {
                // Saura, Bodin & Fortin 2014: a pair is "direct" when its best path is the direct link.
                if (directP[j] > 0 && directP[j] >= Math.Exp(-distance[j]) * (1 - DirectTolerance))
                {
                    t.Direct += val;
                }
                else
                {
                    t.Step += val;
                }
            }
        }
        if (!hopsOnly)
        {
            for (var e = g.OutStart[s]; e < g.OutStart[s + 1]; e++)
            {
                directP[g.OutTo[e]] = 0;
            }
        }
    }

    /// <summary>dPCconnector: for each inner node k of s's tree, the loss of the pairs (s, j) below k without k.</summary>
    private void AddConnectorLosses(int s, int reached)
    {
        // Undirected: the loss of pair (s, j) equals that of (j, s), so only j > s is re-searched and
        // counted twice; a subtree holding no node above s needs no re-search at all.
        var symmetric = !graph.IsDirected;
        if (symmetric)
        {
            for (var x = reached - 1; x >= 0; x--)
            {
                var u = ranges.Pre[x];
                var max = u;
                for (var c = ranges.ChildStart[u]; c < ranges.ChildStart[u + 1]; c++)
                {
                    max = Math.Max(max, maxId[ranges.Children[c]]);
                }
                maxId[u] = max;
            }
        }
        for (var x = 1; x < reached; x++)
        {
            var k = ranges.Pre[x];
            if (ranges.Tout[k] - x > 1 && (!symmetric || MaxBelow(k) > s))
            {
                Totals.Connector[k] += LossWithout(s, k, x, symmetric);
            }
        }
    }

    /// <summary>
    /// BC(PC)_k += sum over j of a_s a_j p*_sj sigma_sj(k) / sigma_sj (Bodin &amp; Saura 2010), where sigma counts the
    /// best paths: when several paths are equally good, each carries an equal share of the pair's credit. Brandes'
    /// dependency accumulation (Brandes 2001, J. Math. Sociology 25:163; with pair weights as in Brandes 2008,
    /// Social Networks 30:136): delta(v) = sum over w with v on a best path to w of sigma_v / sigma_w (val_w +
    /// delta(w)), in reverse settling order. Paths tie when their -ln p sums agree to 1e-12.
    /// </summary>
    private void Betweenness(int s, int reached)
    {
        var g = graph;
        for (var r = 0; r < reached; r++)
        {
            rank[visitOrder[r]] = r;
            dependency[visitOrder[r]] = 0;
        }
        pathCount[s] = 1;
        for (var r = 1; r < reached; r++)
        {
            var v = visitOrder[r];
            var sigma = 0.0;
            for (var e = g.InStart[v]; e < g.InStart[v + 1]; e++)
            {
                var u = g.InFrom[e];
                // Settled before v (a DAG even with zero-weight links of p = 1) and on a best path to v.
                if (rank[u] >= 0 && rank[u] < r && Tight(distance[u] + g.InW[e], distance[v]))
                {
                    sigma += pathCount[u];
                }
            }
            pathCount[v] = sigma;
        }
        for (var r = reached - 1; r >= 1; r--)
        {
            var w = visitOrder[r];
            var share = (nodeValue[w] + dependency[w]) / pathCount[w];
            for (var e = g.InStart[w]; e < g.InStart[w + 1]; e++)
            {
                var v = g.InFrom[e];
                if (v != s && rank[v] >= 0 && rank[v] < r && Tight(distance[v] + g.InW[e], distance[w]))
                {
                    dependency[v] += pathCount[v] * share;
                }
            }
        }
        for (var r = 1; r < reached; r++)
        {
            var v = visitOrder[r];
            Totals.Between[v] += dependency[v];
        }
        for (var r = 0; r < reached; r++)
        {
            rank[visitOrder[r]] = -1;
        }
    }

    /// <summary>f(distance): p* = exp(-dist) for PC, 1 / (1 + nl) for IIC; 0 for a pair not connected.</summary>
    private static double Value(bool hops, double distance) =>
        double.IsPositiveInfinity(distance) ? 0 : hops ? 1 / (1 + distance) : Math.Exp(-distance);

    private static bool Tight(double through, double best) => through <= best + TieTolerance(best);

    private static double TieTolerance(double best) => 1e-12 * (1 + best);

    /// <summary>
    /// BC(PC) when every best path from s is unique (no tie met in the search, the rule for distance decay): the
    /// pairs (s, j) whose best path passes through k are the descendants of k in the tree, so BC_k gains the sum of
    /// their values. O(n), where <see cref="Betweenness"/> reads every arc.
    /// </summary>
    private void TreeBetweenness(int reached)
    {
        var pre = ranges.Pre;
        for (var x = 0; x < reached; x++)
        {
            dependency[pre[x]] = 0;
        }
        for (var x = reached - 1; x >= 1; x--)
        {
            var j = pre[x];
            dependency[j] += nodeValue[j];
            dependency[parent[j]] += dependency[j];
        }
        for (var x = 1; x < reached; x++)
        {
            var k = pre[x];
            Totals.Between[k] += dependency[k] - nodeValue[k];
        }
    }

    /// <summary>Largest node id among the descendants of k (k itself excluded).</summary>
    private int MaxBelow(int k)
    {
        var max = -1;
        for (var c = ranges.ChildStart[k]; c < ranges.ChildStart[k + 1]; c++)
        {
            max = Math.Max(max, maxId[ranges.Children[c]]);
        }
        return max;
    }

    /// <summary>
    /// Sum over descendants j of k of a_s a_j (f(dist) - f(dist without k)); with symmetric, only j &gt; s,
    /// doubled.
    /// </summary>
    private double LossWithout(int s, int k, int tinK, bool symmetric)
    {
        var g = graph;
        var toutK = ranges.Tout[k];
        var width = (uint)(toutK - tinK);
        var inStart = g.InStart;
        var inFrom = g.InFrom;
        var inW = g.InW;
        var tin = ranges.Tin;
        var dist = distance;
        var dist2 = distance2;
        heap.Clear();
        for (var x = tinK + 1; x < toutK; x++)
        {
            var j = ranges.Pre[x];
            var best = double.PositiveInfinity;
            for (var e = inStart[j]; e < inStart[j + 1]; e++)
            {
                var u = inFrom[e];
                // k and its subtree are the range [tinK, toutK); unreached nodes (tin -1) have dist infinity.
                if ((uint)(tin[u] - tinK) >= width)
                {
                    var d = dist[u] + inW[e];
                    if (d < best)
                    {
                        best = d;
                    }
                }
            }
            dist2[j] = best;
            if (best < double.PositiveInfinity)
            {
                heap.Enqueue(j, best);
            }
        }
        var outStart = g.OutStart;
        var outTo = g.OutTo;
        var outW = g.OutW;
        while (heap.TryDequeue(out var u, out var du))
        {
            if (du > dist2[u])
            {
                continue;
            }
            for (var e = outStart[u]; e < outStart[u + 1]; e++)
            {
                var v = outTo[e];
                // Only the cut-off subtree (k excluded) is re-searched; elsewhere distances stand.
                if ((uint)(tin[v] - tinK - 1) < width - 1)
                {
                    var nd = du + outW[e];
                    if (nd < dist2[v])
                    {
                        dist2[v] = nd;
                        heap.Enqueue(v, nd);
                    }
                }
            }
        }
        var loss = 0.0;
        for (var x = tinK + 1; x < toutK; x++)
        {
            var j = ranges.Pre[x];
            if (!symmetric || j > s)
            {
                loss += weight[j] * (Value(hopsOnly, dist[j]) - Value(hopsOnly, dist2[j]));
            }
        }
        return (symmetric ? 2 : 1) * weight[s] * loss;
    }
}
