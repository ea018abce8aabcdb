namespace Neaspec.Survey.Connectivity;

/// <summary>One worker of <see cref="PathSearch"/>: the single-source search from each source it is given, with
/// its buffers (reused across sources) and its share of the totals.</summary>
internal sealed class SourceSearch
{
    /// <summary>Relative tolerance under which a stepping-stone path counts as no better than the direct link.</summary>
    private const double DirectTolerance = 1e-12;

    private readonly Graph graph;
    private readonly double[] a;
    private readonly bool hops;
    private readonly int[] country;
    private readonly int countries;
    private readonly double[] dist;
    private readonly double[] dist2;
    private readonly int[] parent;
    private readonly int[] order;
    private readonly int[] childStart;
    private readonly int[] children;
    private readonly int[] pre;
    private readonly int[] tin;
    private readonly int[] tout;
    private readonly int[] stack;
    private readonly double[] value;
    private readonly double[] sub;
    private readonly double[] direct;
    private readonly int[] maxId;
    private readonly PriorityQueue<int, double> heap = new();

    public SourceSearch(Graph g, double[] a, bool hops, int[] country, int countries)
    {
        graph = g;
        this.a = a;
        this.hops = hops;
        this.country = country;
        this.countries = countries;
        var n = g.N;
        dist = new double[n];
        dist2 = new double[n];
        parent = new int[n];
        order = new int[n];
        childStart = new int[n + 1];
        children = new int[n];
        pre = new int[n];
        tin = new int[n];
        tout = new int[n];
        stack = new int[n];
        value = new double[n];
        sub = new double[n];
        direct = new double[n];
        maxId = new int[n];
        Totals = new PathSearch.Totals(n, countries);
    }

    public PathSearch.Totals Totals { get; }

    /// <summary>Adds every pair (s, j) to the totals: PCnum or IICnum and their parts, flux, BC(PC), and the
    /// connector loss of each node that stands between s and others.</summary>
    public void FromSource(int s)
    {
        var reached = Search(s);
        AddPairs(s, reached);
        if (reached <= 2)
        {
            return; // no node can stand between s and anything
        }
        BuildTree(s, reached);
        AddBetweenness(s, reached);
        AddConnectors(s, reached);
    }

    /// <summary>Dijkstra from s: dist, the shortest-path tree (parent) and the nodes in the order reached;
    /// returns how many were reached (s included).</summary>
    private int Search(int s)
    {
        var g = graph;
        Array.Fill(dist, double.PositiveInfinity);
        Array.Fill(parent, -1);
        Array.Fill(tin, -1);
        dist[s] = 0;
        heap.Clear();
        heap.Enqueue(s, 0);
        var reached = 0;
        while (heap.TryDequeue(out var u, out var du))
        {
            if (du > dist[u])
            {
                continue; // stale heap entry
            }
            order[reached++] = u;
            for (var e = g.OutStart[u]; e < g.OutStart[u + 1]; e++)
            {
                var v = g.OutTo[e];
                var nd = du + g.OutW[e];
                if (nd < dist[v])
                {
                    dist[v] = nd;
                    parent[v] = u;
                    heap.Enqueue(v, nd);
                }
            }
        }
        return reached;
    }

    /// <summary>a_s a_j f(best path) for every reached j: PCnum, intra, flux, country pairs, and for PC
    /// whether the best path is the direct link.</summary>
    private void AddPairs(int s, int reached)
    {
        var g = graph;
        var t = Totals;
        var aS = a[s];
        var cs = country[s] * countries;
        // p*_ii = 1: the intra-node term a_i^2.
        var intra = aS * aS;
        t.Num += intra;
        t.Intra += intra;
        t.CountryPairs[cs + country[s]] += intra;
        if (!hops)
        {
            for (var e = g.OutStart[s]; e < g.OutStart[s + 1]; e++)
            {
                direct[g.OutTo[e]] = g.OutP[e];
            }
        }
        for (var r = 1; r < reached; r++)
        {
            var j = order[r];
            var val = aS * a[j] * Value(hops, dist[j]);
            value[j] = val;
            t.Num += val;
            // dPCflux counts a pair for both of its ends (both directions summed over the sources).
            t.Flux[s] += val;
            t.Flux[j] += val;
            t.CountryPairs[cs + country[j]] += val;
            if (!hops)
            {
                // Saura, Bodin & Fortin 2014: a pair is "direct" when its best path is the direct link.
                if (direct[j] > 0 && direct[j] >= Math.Exp(-dist[j]) * (1 - DirectTolerance))
                {
                    t.Direct += val;
                }
                else
                {
                    t.Step += val;
                }
            }
        }
        if (!hops)
        {
            for (var e = g.OutStart[s]; e < g.OutStart[s + 1]; e++)
            {
                direct[g.OutTo[e]] = 0;
            }
        }
    }

    /// <summary>Children lists of the shortest-path tree, then a preorder walk so that a subtree is a range
    /// [tin, tout) of pre.</summary>
    private void BuildTree(int s, int reached)
    {
        var n = graph.N;
        Array.Clear(childStart);
        for (var r = 1; r < reached; r++)
        {
            childStart[parent[order[r]] + 1]++;
        }
        for (var i = 0; i < n; i++)
        {
            childStart[i + 1] += childStart[i];
        }
        for (var r = 1; r < reached; r++)
        {
            var j = order[r];
            var p = parent[j];
            // sub is free here; it counts how many children of p are placed so far.
            children[childStart[p] + (int)sub[p]++] = j;
        }
        for (var r = 0; r < reached; r++)
        {
            sub[order[r]] = 0;
        }
        var top = 0;
        var time = 0;
        stack[top++] = s;
        while (top > 0)
        {
            var u = stack[--top];
            tin[u] = time;
            pre[time++] = u;
            for (var c = childStart[u]; c < childStart[u + 1]; c++)
            {
                stack[top++] = children[c];
            }
        }
        // tout[u] = one past the last preorder index of u's subtree, filled bottom-up.
        for (var x = reached - 1; x >= 0; x--)
        {
            var u = pre[x];
            var end = x + 1;
            for (var c = childStart[u]; c < childStart[u + 1]; c++)
            {
                end = Math.Max(end, tout[children[c]]);
            }
            tout[u] = end;
        }
    }

    /// <summary>BC(PC)_k: pairs (s, j) whose best path passes through k = descendants of k (Bodin &amp; Saura 2010).</summary>
    private void AddBetweenness(int s, int reached)
    {
        var t = Totals;
        for (var x = reached - 1; x >= 1; x--)
        {
            var j = pre[x];
            sub[j] += value[j];
            sub[parent[j]] += sub[j];
        }
        for (var x = 1; x < reached; x++)
        {
            var k = pre[x];
            t.Between[k] += sub[k] - value[k];
            sub[k] = 0;
        }
        sub[s] = 0;
    }

    /// <summary>dPCconnector: what removing each inner tree node k costs the pairs of s (see the remarks of
    /// <see cref="PathSearch"/>).</summary>
    private void AddConnectors(int s, int reached)
    {
        var t = Totals;
        // Undirected: the loss of pair (s, j) equals that of (j, s), so only j > s is re-searched and
        // counted twice; a subtree holding no node above s needs no re-search at all.
        var symmetric = !graph.IsDirected;
        if (symmetric)
        {
            for (var x = reached - 1; x >= 0; x--)
            {
                var u = pre[x];
                var max = u;
                for (var c = childStart[u]; c < childStart[u + 1]; c++)
                {
                    max = Math.Max(max, maxId[children[c]]);
                }
                maxId[u] = max;
            }
        }
        for (var x = 1; x < reached; x++)
        {
            var k = pre[x];
            if (tout[k] - x > 1 && (!symmetric || MaxBelow(k) > s))
            {
                t.Connector[k] += LossWithout(s, k, x, symmetric);
            }
        }
    }

    /// <summary>Largest node id among the descendants of k (k itself excluded).</summary>
    private int MaxBelow(int k)
    {
        var max = -1;
        for (var c = childStart[k]; c < childStart[k + 1]; c++)
        {
            max = Math.Max(max, maxId[children[c]]);
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
        var toutK = tout[k];
        var width = (uint)(toutK - tinK);
        var inStart = g.InStart;
        var inFrom = g.InFrom;
        var inW = g.InW;
        var tin = this.tin;
        var dist = this.dist;
        var dist2 = this.dist2;
        heap.Clear();
        for (var x = tinK + 1; x < toutK; x++)
        {
            var j = pre[x];
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
            var j = pre[x];
            if (!symmetric || j > s)
            {
                loss += a[j] * (Value(hops, dist[j]) - Value(hops, dist2[j]));
            }
        }
        return (symmetric ? 2 : 1) * a[s] * loss;
    }

    /// <summary>f(best path): p* = exp(-dist) for PC, 1 / (1 + nl) for IIC; 0 when j is not reached.</summary>
    private static double Value(bool hops, double distance) =>
        double.IsPositiveInfinity(distance) ? 0 : hops ? 1 / (1 + distance) : Math.Exp(-distance);
}
