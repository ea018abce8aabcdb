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

    /// <summary>Runs every source; a and country are in original node order, and so are the per-node totals.</summary>
    public static Totals Run(Graph g, double[] originalA, bool hops, int[] originalCountry, int countries, int maxDegreeOfParallelism)
    {
        var a = g.Order.Select(i => originalA[i]).ToArray();
        var country = g.Order.Select(i => originalCountry[i]).ToArray();
        // Fixed chunks summed in order (see Chunks): the same bits on every run, whatever the threads do.
        var chunks = Chunks.Of(g.N);
        var parts = new Totals[chunks.Count];
        Parallel.For(0, chunks.Count, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism },
            () => new PathSearchWorker(g, a, hops, country, countries),
            (c, _, worker) =>
            {
                worker.Totals = parts[c] = new Totals(g.N, countries);
                for (var s = chunks.From(c); s < chunks.To(c); s++)
                {
                    worker.FromSource(s);
                }
                return worker;
            },
            _ => { });
        var total = new Totals(g.N, countries);
        foreach (var part in parts)
        {
            total.Add(part);
        }
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
}
