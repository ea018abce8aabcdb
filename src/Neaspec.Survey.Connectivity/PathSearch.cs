namespace Neaspec.Survey.Connectivity;

/// <summary>
/// Sums of a_i a_j f(best path i->j) over all ordered pairs, with everything dPC, dIIC and BC need, in one
/// pass of single-source searches (one per source, run in parallel).
/// </summary>
/// <remarks>
/// For PC the weight of an arc is -ln p, so the shortest path is the maximum-product path and
/// p*_ij = exp(-dist) (Saura &amp; Pascual-Hortal 2007). For IIC every arc weighs 1 and the value of a pair
/// is 1 / (1 + nl_ij) (Pascual-Hortal &amp; Saura 2006).
/// <para>
/// dPCconnector needs PCnum without node k. Removing k can only change pairs i->j whose best path from i ran
/// through k, i.e. the descendants of k in i's shortest-path tree; every other node keeps its distance
/// because its tree path avoids k. So for each source i and each inner tree node k the descendants of k are
/// re-searched alone, seeded from in-arcs that come from outside the subtree (not from k). This is exact,
/// also with ties (an equally short path avoiding k gives back the same distance and a loss of 0).
/// </para>
/// </remarks>
internal static class PathSearch
{
    public sealed class Totals(int n, int countries)
    {
        public double Num;
        public double Intra;
        public double Direct;
        public double Step;
        public readonly double[] Flux = new double[n];
        public readonly double[] Connector = new double[n];
        public readonly double[] Between = new double[n];
        public readonly double[] CountryPairs = new double[countries * countries];

        public void Add(Totals other)
        {
            Num += other.Num;
            Intra += other.Intra;
            Direct += other.Direct;
            Step += other.Step;
            for (var i = 0; i < Flux.Length; i++)
            {
                Flux[i] += other.Flux[i];
                Connector[i] += other.Connector[i];
                Between[i] += other.Between[i];
            }
            for (var i = 0; i < CountryPairs.Length; i++)
            {
                CountryPairs[i] += other.CountryPairs[i];
            }
        }
    }

    /// <summary>Relative tolerance under which a stepping-stone path counts as no better than the direct link.</summary>
    private const double DirectTolerance = 1e-12;

    /// <summary>Runs every source; a and country are in original node order, and so are the per-node totals.</summary>
    public static Totals Run(Graph g, double[] originalA, bool hops, int[] originalCountry, int countries, int maxDegreeOfParallelism)
    {
        var a = g.Order.Select(i => originalA[i]).ToArray();
        var country = g.Order.Select(i => originalCountry[i]).ToArray();
        var total = new Totals(g.N, countries);
        var gate = new object();
        Parallel.For(0, g.N, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism },
            () => new Worker(g, a, hops, country, countries),
            (s, _, worker) =>
            {
                worker.FromSource(s);
                return worker;
            },
            worker =>
            {
                lock (gate)
                {
                    total.Add(worker.Totals);
                }
            });
        var original = new Totals(g.N, countries)
        {
            Num = total.Num,
            Intra = total.Intra,
            Direct = total.Direct,
            Step = total.Step,
        };
        total.CountryPairs.CopyTo(original.CountryPairs);
        for (var i = 0; i < g.N; i++)
        {
            original.Flux[g.Order[i]] = total.Flux[i];
            original.Connector[g.Order[i]] = total.Connector[i];
            original.Between[g.Order[i]] = total.Between[i];
        }
        return original;
    }

    private static double Value(bool hops, double distance) =>
        double.IsPositiveInfinity(distance) ? 0 : hops ? 1 / (1 + distance) : Math.Exp(-distance);

    private sealed class Worker
    {
        private readonly Graph g;
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

        public Worker(Graph g, double[] a, bool hops, int[] country, int countries)
        {
            this.g = g;
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
            Totals = new Totals(n, countries);
        }

        public Totals Totals { get; }

        public void FromSource(int s)
        {
            var g = this.g;
            var n = g.N;
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
            if (reached <= 2)
            {
                return; // no node can stand between s and anything
            }

            // Children lists of the shortest-path tree, then a preorder walk so that a subtree is a range.
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

            // BC(PC)_k: pairs (s, j) whose best path passes through k = descendants of k (Bodin & Saura 2010).
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

            // Undirected: the loss of pair (s, j) equals that of (j, s), so only j > s is re-searched and
            // counted twice; a subtree holding no node above s needs no re-search at all.
            var symmetric = !g.IsDirected;
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
            var g = this.g;
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
    }
}
