using System.Numerics;

namespace Neaspec.Survey.Connectivity;

/// <summary>
/// IICnum and the dIIC fractions by breadth-first search on adjacency bitsets: the IIC links of a distance-decay
/// network at a large d0 join most pairs, where a heap-based search per source costs O(m log n) and 2,000 sites took
/// 18-28 s; here a search costs O(n^2 / 64) word operations whatever the density.
/// </summary>
/// <remarks>
/// Per source s: BFS layers give nl_sj. Removing a node k lengthens the path to j exactly when every shortest path
/// s -> j runs through k, i.e. when k dominates j in the DAG of shortest paths; in a layered DAG the immediate
/// dominator of j is the lowest common ancestor, in the dominator tree, of its predecessors on the layer before
/// (Cooper, Harvey &amp; Kennedy 2001, "A simple, fast dominance algorithm"). For each k the nodes it dominates are then
/// searched again alone, seeded from the nodes it does not dominate, by breadth-first search with integer buckets.
/// The value of a pair is 1 / (1 + nl_ij) (Pascual-Hortal &amp; Saura 2006); the losses give dIICconnector as
/// <see cref="PathSearch"/> does for any weights (the tests check both agree).
/// </remarks>
internal static class HopSearch
{
    /// <summary>Largest network for the bitsets (two n x n bit matrices: 32 MB at this size).</summary>
    private const int MostNodes = 16384;

    public static bool Fits(int n) => n <= MostNodes;

    public static PathSearch.Totals Run(Graph g, double[] originalA, int[] originalCountry, int countries, int maxDegreeOfParallelism)
    {
        var n = g.N;
        var words = (n + 63) >> 6;
        var outBits = new ulong[(long)n * words];
        var inBits = new ulong[(long)n * words];
        for (var u = 0; u < n; u++)
        {
            for (var e = g.OutStart[u]; e < g.OutStart[u + 1]; e++)
            {
                var v = g.OutTo[e];
                outBits[((long)u * words) + (v >> 6)] |= 1UL << v;
                inBits[((long)v * words) + (u >> 6)] |= 1UL << u;
            }
        }
        var a = g.Order.Select(i => originalA[i]).ToArray();
        var country = g.Order.Select(i => originalCountry[i]).ToArray();
        var chunks = Chunks.Of(n);
        var parts = new PathSearch.Totals[chunks.Count];
        Parallel.For(0, chunks.Count, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism },
            () => new Worker(n, words, outBits, inBits, a, country, countries),
            (c, _, worker) =>
            {
                worker.Totals = parts[c] = new PathSearch.Totals(n, countries);
                for (var s = chunks.From(c); s < chunks.To(c); s++)
                {
                    worker.FromSource(s);
                }
                return worker;
            },
            _ => { });
        var total = new PathSearch.Totals(n, countries);
        foreach (var part in parts)
        {
            total.Add(part);
        }
        var original = new PathSearch.Totals(n, countries) { Num = total.Num, Intra = total.Intra };
        total.CountryPairs.CopyTo(original.CountryPairs);
        for (var i = 0; i < n; i++)
        {
            original.Flux[g.Order[i]] = total.Flux[i];
            original.Connector[g.Order[i]] = total.Connector[i];
        }
        return original;
    }

    private sealed class Worker(int n, int words, ulong[] outBits, ulong[] inBits, double[] a, int[] country, int countries)
    {
        private readonly int[] dist = new int[n];
        private readonly int[] order = new int[n];
        private readonly int[] layerStart = new int[n + 2];
        private readonly int[] idom = new int[n];
        private readonly int[] depth = new int[n];
        private readonly TreeRanges tree = new(n);
        private readonly int[] dist2 = new int[n];
        private readonly ulong[] visited = new ulong[words];
        private readonly ulong[] frontier = new ulong[words];
        private readonly ulong[] previous = new ulong[words];
        private readonly ulong[] cut = new ulong[words];
        private List<int>[] bucketStore = [];

        public PathSearch.Totals Totals { get; set; } = new(n, countries);

        public void FromSource(int s)
        {
            var layers = Layers(s, out var reached);
            var t = Totals;
            var aS = a[s];
            var cs = country[s] * countries;
            t.Num += aS * aS;
            t.Intra += aS * aS;
            t.CountryPairs[cs + country[s]] += aS * aS;
            for (var r = 1; r < reached; r++)
            {
                var j = order[r];
                var val = aS * a[j] / (1.0 + dist[j]);
                t.Num += val;
                t.Flux[s] += val;
                t.Flux[j] += val;
                t.CountryPairs[cs + country[j]] += val;
            }
            if (layers < 3)
            {
                return; // every node is s or next to it: nothing stands between
            }
            Dominators(s, layers);
            // The dominator tree in preorder: the nodes k dominates are the range (Tin[k], Tout[k]).
            tree.Build(order, reached, idom);
            for (var x = 1; x < reached; x++)
            {
                var k = tree.Pre[x];
                if (tree.Tout[k] - x > 1)
                {
                    t.Connector[k] += aS * LossWithout(k, x);
                }
            }
        }

        /// <summary>BFS by layers on bitsets; order holds the nodes layer by layer, layerStart the layer bounds.</summary>
        private int Layers(int s, out int reached)
        {
            Array.Clear(visited);
            Array.Clear(frontier);
            Array.Fill(dist, int.MaxValue);
            visited[s >> 6] |= 1UL << s;
            dist[s] = 0;
            order[0] = s;
            reached = 1;
            layerStart[0] = 0;
            layerStart[1] = 1;
            var layer = 0;
            while (layerStart[layer + 1] > layerStart[layer])
            {
                Array.Clear(frontier);
                for (var r = layerStart[layer]; r < layerStart[layer + 1]; r++)
                {
                    var row = (long)order[r] * words;
                    for (var w = 0; w < words; w++)
                    {
                        frontier[w] |= outBits[row + w];
                    }
                }
                layer++;
                for (var w = 0; w < words; w++)
                {
                    var fresh = frontier[w] & ~visited[w];
                    visited[w] |= fresh;
                    while (fresh != 0)
                    {
                        var v = (w << 6) + BitOperations.TrailingZeroCount(fresh);
                        fresh &= fresh - 1;
                        dist[v] = layer;
                        order[reached++] = v;
                    }
                }
                layerStart[layer + 1] = reached;
            }
            return layer; // the number of non-empty layers
        }

        /// <summary>Immediate dominators, layer by layer: the common dominator-tree ancestor of the predecessors.</summary>
        private void Dominators(int s, int layers)
        {
            idom[s] = s;
            depth[s] = 0;
            for (var r = 1; r < layerStart[2]; r++)
            {
                idom[order[r]] = s;
                depth[order[r]] = 1;
            }
            for (var layer = 2; layer < layers; layer++)
            {
                Array.Clear(previous);
                for (var r = layerStart[layer - 1]; r < layerStart[layer]; r++)
                {
                    previous[order[r] >> 6] |= 1UL << order[r];
                }
                for (var r = layerStart[layer]; r < layerStart[layer + 1]; r++)
                {
                    var v = order[r];
                    var row = (long)v * words;
                    var common = -1;
                    for (var w = 0; w < words && common != s; w++)
                    {
                        var preds = inBits[row + w] & previous[w];
                        while (preds != 0 && common != s)
                        {
                            var u = (w << 6) + BitOperations.TrailingZeroCount(preds);
                            preds &= preds - 1;
                            common = common < 0 ? u : Meet(common, u);
                        }
                    }
                    idom[v] = common;
                    depth[v] = depth[common] + 1;
                }
            }
        }

        private int Meet(int x, int y)
        {
            while (x != y)
            {
                if (depth[x] >= depth[y])
                {
                    x = idom[x];
                }
                else
                {
                    y = idom[y];
                }
            }
            return x;
        }

        /// <summary>
        /// Sum over the nodes j that k dominates of a_j (1 / (1 + nl_sj) - 1 / (1 + nl'_sj)), nl' without k: a BFS over
        /// those nodes alone, seeded from the nodes k does not dominate (whose paths avoid k).
        /// </summary>
        private double LossWithout(int k, int tinK)
        {
            var pre = tree.Pre;
            var toutK = tree.Tout[k];
            Array.Clear(cut);
            for (var x = tinK; x < toutK; x++)
            {
                cut[pre[x] >> 6] |= 1UL << pre[x];
            }
            var most = 0;
            for (var x = tinK + 1; x < toutK; x++)
            {
                var j = pre[x];
                var best = int.MaxValue;
                var row = (long)j * words;
                // Every path avoiding k enters the cut-off set from outside; such an entry is at least as far as j was.
                for (var w = 0; w < words && best > dist[j]; w++)
                {
                    var from = inBits[row + w] & ~cut[w] & visited[w];
                    while (from != 0)
                    {
                        var u = (w << 6) + BitOperations.TrailingZeroCount(from);
                        from &= from - 1;
                        if (dist[u] < best)
                        {
                            best = dist[u];
                            if (best == dist[j])
                            {
                                break;
                            }
                        }
                    }
                }
                dist2[j] = best == int.MaxValue ? int.MaxValue : best + 1;
                if (dist2[j] != int.MaxValue)
                {
                    Bucket(dist2[j]).Add(j);
                    most = Math.Max(most, dist2[j]);
                }
            }
            cut[k >> 6] &= ~(1UL << k);
            for (var d = 0; d <= most && d < bucketStore.Length; d++)
            {
                var bucket = bucketStore[d];
                for (var b = 0; b < bucket.Count; b++)
                {
                    var u = bucket[b];
                    if (dist2[u] != d)
                    {
                        continue; // reached sooner from another seed
                    }
                    var row = (long)u * words;
                    for (var w = 0; w < words; w++)
                    {
                        var to = outBits[row + w] & cut[w];
                        while (to != 0)
                        {
                            var v = (w << 6) + BitOperations.TrailingZeroCount(to);
                            to &= to - 1;
                            if (d + 1 < dist2[v])
                            {
                                dist2[v] = d + 1;
                                Bucket(d + 1).Add(v);
                                most = Math.Max(most, d + 1);
                            }
                        }
                    }
                }
                bucket.Clear();
            }
            var loss = 0.0;
            for (var x = tinK + 1; x < toutK; x++)
            {
                var j = pre[x];
                var after = dist2[j] == int.MaxValue ? 0 : 1.0 / (1.0 + dist2[j]);
                loss += a[j] * ((1.0 / (1.0 + dist[j])) - after);
            }
            return loss;
        }

        private List<int> Bucket(int d)
        {
            if (d >= bucketStore.Length)
            {
                var grown = new List<int>[Math.Max(d + 1, bucketStore.Length * 2)];
                bucketStore.CopyTo(grown, 0);
                for (var i = bucketStore.Length; i < grown.Length; i++)
                {
                    grown[i] = [];
                }
                bucketStore = grown;
            }
            return bucketStore[d];
        }
    }
}
