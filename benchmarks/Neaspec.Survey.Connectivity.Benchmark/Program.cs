using System.Diagnostics;
using System.Globalization;
using Neaspec.Survey.Connectivity;

// Times the full analysis (PC, EC, IIC, fractions, dPC + dPCintra/flux/connector, dIIC, BC, country pairs)
// on distance-decay networks of random sites over the East Asian-Australasian flyway's northern part,
// and a naive baseline in the same run: dPC_k by recomputing all-pairs best paths n times, once without
// each node (dense O(n^2) Dijkstra per source, so O(n^4) overall).

// Phases: dpc (the analysis and its naive baseline), iic (2,000 sites at d0 = 2,000 km), stays (10 M fixes),
// compare (old rule and stays on the tracks). Default: all; --only iic,stays picks some.
var only = Array.IndexOf(args, "--only") is var o and >= 0 && o + 1 < args.Length ? args[o + 1].Split(',') : ["stays", "compare", "iic", "dpc"];
if (only.Contains("stays"))
{
    var at = Array.IndexOf(args, "--stay-fixes");
    StayBench.Run(at >= 0 ? long.Parse(args[at + 1], CultureInfo.InvariantCulture) : 10_000_000);
    Console.WriteLine();
}
if (only.Contains("compare"))
{
    StayBench.Compare();
    Console.WriteLine();
}
if (only.Contains("iic"))
{
    var iicSites = Array.IndexOf(args, "--iic-sites") is var x and >= 0 ? int.Parse(args[x + 1], CultureInfo.InvariantCulture) : 2000;
    var iicKm = Array.IndexOf(args, "--iic-km") is var y and >= 0 ? double.Parse(args[y + 1], CultureInfo.InvariantCulture) : 2000;
    IicBench.Run(Sites(iicSites, iicSites), iicKm);
    Console.WriteLine();
}
if (!only.Contains("dpc"))
{
    return 0;
}

var sizes = ParseSizes(args, "--sizes", [200, 500, 1000, 2000]);
var baselineSizes = ParseSizes(args, "--baseline-sizes", [200, 300]);
var d0 = 100.0;
var minimumProbability = 0.01;
Console.WriteLine($"cores: {Environment.ProcessorCount}; d0 = {d0} km, p0 = 0.5; sites uniform over 100-145E, 20-55N");
Console.WriteLine();

// Warm up the JIT so n = 200 is not charged for it.
ConnectivityAnalysis.Run(new DistanceDecay(d0).Build(Sites(50, 1)));
ConnectivityAnalysis.Run(new DistanceDecay(d0).Build(Sites(50, 1), minimumProbability));

var complete = new Dictionary<int, double>();
var pruned = new Dictionary<int, double>();
Console.WriteLine("n      complete decay (s)   pruned p<0.01 path search (s)   PCnum complete / pruned");
foreach (var n in sizes)
{
    var nodes = Sites(n, n);
    var (t1, r1) = Time(() => ConnectivityAnalysis.Run(new DistanceDecay(d0).Build(nodes)));
    var (t2, r2) = Time(() => ConnectivityAnalysis.Run(new DistanceDecay(d0).Build(nodes, minimumProbability)));
    complete[n] = t1;
    pruned[n] = t2;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{n,-6} {t1,18:F3}   {t2,29:F3}   {r1.PCnum:E6} / {r2.PCnum:E6} ({r2.Links} of {r1.Links} links kept)"));
}
Console.WriteLine();
Console.WriteLine("baseline: naive n-times all-pairs recomputation of PCnum without each node (dPC only, no fractions)");
Console.WriteLine("n      baseline (s)   baseline / complete   baseline / pruned path search   max |dPC diff|");
foreach (var n in baselineSizes)
{
    var nodes = Sites(n, n);
    var network = new DistanceDecay(d0).Build(nodes);
    var (tb, dpc) = Time(() => NaiveDpc(nodes, new DistanceDecay(d0)));
    var fast = ConnectivityAnalysis.Run(network);
    var (tc, _) = Time(() => ConnectivityAnalysis.Run(network));
    var (tp, _) = Time(() => ConnectivityAnalysis.Run(network, new ConnectivityOptions { DirectLinksAreBestInMetricDecay = false }));
    var diff = dpc.Select((v, k) => Math.Abs(v - fast.PerNode[k].DPC)).Max();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{n,-6} {tb,12:F3}   {tb / tc,19:F0}x   {tb / tp,29:F1}x   {diff:E2}"));
}
return 0;

static (double Seconds, T Result) Time<T>(Func<T> run)
{
    var watch = Stopwatch.StartNew();
    var result = run();
    return (watch.Elapsed.TotalSeconds, result);
}

static SiteNode[] Sites(int n, int seed)
{
    var random = new Random(seed);
    string[] countries = ["CN", "KR", "JP", "RU", "MN"];
    return Enumerable.Range(0, n)
        .Select(i => new SiteNode($"s{i}", 100 + (45 * random.NextDouble()), 20 + (35 * random.NextDouble()),
            1 + random.Next(1000), countries[random.Next(countries.Length)]))
        .ToArray();
}

// dPC_k = 100 (PCnum - PCnum without k) / PCnum, each PCnum from n dense Dijkstra searches on -ln p.
static double[] NaiveDpc(SiteNode[] nodes, DistanceDecay decay)
{
    var n = nodes.Length;
    var w = new double[n, n];
    for (var i = 0; i < n; i++)
    {
        for (var j = 0; j < n; j++)
        {
            w[i, j] = decay.K * GreatCircle.DistanceKm(nodes[i].Longitude, nodes[i].Latitude, nodes[j].Longitude, nodes[j].Latitude);
        }
    }
    var a = nodes.Select(x => x.Weight).ToArray();
    var total = PCnum(-1);
    var dpc = new double[n];
    Parallel.For(0, n, k => dpc[k] = 100 * (total - PCnum(k)) / total);
    return dpc;

    double PCnum(int removed)
    {
        var sum = 0.0;
        var dist = new double[n];
        var done = new bool[n];
        for (var s = 0; s < n; s++)
        {
            if (s == removed)
            {
                continue;
            }
            Array.Fill(dist, double.PositiveInfinity);
            Array.Clear(done);
            dist[s] = 0;
            for (var step = 0; step < n; step++)
            {
                var u = -1;
                for (var v = 0; v < n; v++)
                {
                    if (!done[v] && v != removed && (u < 0 || dist[v] < dist[u]))
                    {
                        u = v;
                    }
                }
                if (u < 0 || double.IsPositiveInfinity(dist[u]))
                {
                    break;
                }
                done[u] = true;
                sum += a[s] * a[u] * Math.Exp(-dist[u]);
                for (var v = 0; v < n; v++)
                {
                    if (!done[v] && v != removed && dist[u] + w[u, v] < dist[v])
                    {
                        dist[v] = dist[u] + w[u, v];
                    }
                }
            }
        }
        return sum;
    }
}

static int[] ParseSizes(string[] args, string name, int[] fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length
        ? args[at + 1].Split(',').Select(x => int.Parse(x, CultureInfo.InvariantCulture)).ToArray()
        : fallback;
}
