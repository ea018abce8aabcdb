using System.Diagnostics;
using System.Globalization;
using Neaspec.Survey.Connectivity;
using Neaspec.Survey.Connectivity.Migratory;
using Neaspec.Survey.Connectivity.Uncertainty;

// The bootstrap over birds of one season (issue 13's target: 50 sites, 200 birds, B = 1,000 within 30 s on the
// 2-core build machine), exactly as the report runs it (SeasonBootstrap): each replicate resamples the birds with
// replacement, rebuilds the per-bird telemetry links with the library's TelemetryNetwork from the drawn birds' site
// visits (p_ij = share of the birds present at i whose next stay was j; a bird still at i when the season ends counts
// in the denominator) and recomputes PC, EC and every site's dPC with its intra/flux/connector fractions and the
// country-pair shares with ConnectivityAnalysis. Then the same for MC from the birds' (origin, target) regions.
// Baseline, measured in the same run: the same B replicates on one thread. It also checks that the results are
// identical, since thread count must never change them.

var sites = Arg("--sites", 50);
var birds = Arg("--birds", 200);
var replicates = Arg("--replicates", 1000);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"cores: {Environment.ProcessorCount}; {sites} sites, {birds} birds, B = {replicates}; seed 2025"));

var season = Season(sites, birds, seed: 1);
Console.WriteLine($"season: {season.Visits.Count} stays of {birds} birds at {sites} sites, {season.Window}");
SeasonBootstrap Run(int replicates, long seed, int threads) => SeasonBootstrap.Run(season.Visits, season.Window, season.Nodes,
    new SeasonBootstrapOptions { Bootstrap = new BootstrapOptions { Replicates = replicates, Seed = seed, MaxDegreeOfParallelism = threads } });

// Warm the JIT on a few replicates so the timed runs compare the work, not the compilation.
Run(20, 1, Environment.ProcessorCount);

// Rounds alternate the order of the two runs and keep each one's fastest, so neither is charged for the JIT's
// later tiers or for a burst of load from other work on the machine.
var rounds = Arg("--rounds", 2);
var (parallel, result, sequential, baseline) = Compare(rounds,
    () => Run(replicates, 2025, Environment.ProcessorCount),
    () => Run(replicates, 2025, 1));
var (intervalsTime, dpcWidth) = Time(() => Intervals(result));
var identical = result.Replicates.Replicates.Zip(baseline.Replicates.Replicates).All(p => p.First.SameAs(p.Second));

Console.WriteLine();
Console.WriteLine("season bootstrap (TelemetryNetwork rebuilt, then PC, EC, dPC + fractions for every site, country pairs)");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"  all cores:              {parallel,7:F2} s  (+ {intervalsTime:F2} s for {2 + (4 * sites)} percentile intervals; mean dPC interval width {dpcWidth:F2} points)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"  baseline, one thread:   {sequential,7:F2} s  -> ratio baseline / all cores {sequential / parallel:F2}"));
Console.WriteLine($"  identical results on 1 and {Environment.ProcessorCount} threads: {(identical ? "yes" : "NO")}");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"  PC {result.Interval(r => r.PC).Low:E3} .. {result.Interval(r => r.PC).High:E3}; EC {result.Interval(r => r.EC).Low:F1} .. {result.Interval(r => r.EC).High:F1}"));

var mc = MigratoryInputs(birds, seed: 3);
var (mcParallel, mcResult, mcSequential, mcBaseline) = Compare(rounds,
    () => Bootstrap.Run(mc.Birds, mc.Replicate, new BootstrapOptions { Replicates = replicates, Seed = 2025 }, accept: mc.EveryOrigin),
    () => Bootstrap.Run(mc.Birds, mc.Replicate, new BootstrapOptions { Replicates = replicates, Seed = 2025, MaxDegreeOfParallelism = 1 }, accept: mc.EveryOrigin));
var interval = mcResult.Interval(x => x.MC);
Console.WriteLine();
Console.WriteLine($"MC bootstrap ({birds} birds, {mc.Origins} origins, {mc.Targets} targets, psi + MC + rM per replicate)");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"  all cores:              {mcParallel,7:F2} s  MC 95 % interval {interval.Low:F3} .. {interval.High:F3}"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"  baseline, one thread:   {mcSequential,7:F2} s  -> ratio {mcSequential / mcParallel:F2}; identical: {(mcResult.Replicates.SequenceEqual(mcBaseline.Replicates) ? "yes" : "NO")}"));
return identical ? 0 : 1;

int Arg(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}

static (double Fast, T FastResult, double Slow, T SlowResult) Compare<T>(int rounds, Func<T> all, Func<T> one)
{
    double bestAll = double.MaxValue, bestOne = double.MaxValue;
    T? resultAll = default, resultOne = default;
    for (var round = 0; round < rounds; round++)
    {
        var order = round % 2 == 0 ? new[] { true, false } : [false, true];
        foreach (var allCores in order)
        {
            var (seconds, result) = Time(allCores ? all : one);
            if (allCores && seconds < bestAll)
            {
                (bestAll, resultAll) = (seconds, result);
            }
            else if (!allCores && seconds < bestOne)
            {
                (bestOne, resultOne) = (seconds, result);
            }
        }
    }
    return (bestAll, resultAll!, bestOne, resultOne!);
}

static (double Seconds, T Result) Time<T>(Func<T> run)
{
    var watch = Stopwatch.StartNew();
    var result = run();
    return (watch.Elapsed.TotalSeconds, result);
}

// Sites scattered over the flyway, sorted north to south; each bird starts in the north and makes 1 to 6 moves
// southwards, each to one of the next few sites, so birds share links as real routes do. Stays last two days with a
// day's flight between them, inside autumn 2025; the last one lasts past the season's end (the bird stayed).
static SyntheticSeason Season(int n, int birdCount, int seed)
{
    var random = new Random(seed);
    string[] countries = ["RU", "MN", "CN", "KR", "JP"];
    var nodes = Enumerable.Range(0, n)
        .Select(i => new SiteNode($"s{i}", 105 + (40 * random.NextDouble()), 20 + (35 * random.NextDouble()),
            1 + random.Next(1000), countries[random.Next(countries.Length)]))
        .OrderByDescending(s => s.Latitude)
        .ToArray();
    var window = SeasonWindow.Of(SeasonWindow.Find("autumn")!, 2025);
    var visits = new List<SiteVisit>();
    for (var b = 0; b < birdCount; b++)
    {
        var stays = new List<int> { random.Next(Math.Max(1, n / 4)) };
        var moves = 1 + random.Next(6);
        while (stays.Count <= moves && stays[^1] < n - 1)
        {
            stays.Add(Math.Min(n - 1, stays[^1] + 1 + random.Next(6)));
        }
        var arrival = window.Start.AddDays(random.Next(30));
        for (var k = 0; k < stays.Count; k++)
        {
            var node = nodes[stays[k]];
            var departure = k == stays.Count - 1 ? window.End.AddDays(30) : arrival.AddDays(2);
            visits.Add(new SiteVisit(new Stay($"bird{b}", arrival, departure, node.Longitude, node.Latitude, [], 0, false), node.Id, false));
            arrival = departure.AddDays(1);
        }
    }
    return new SyntheticSeason(nodes, visits, window);
}

// Every interval the report shows for a season; returns the mean width of the dPC intervals.
static double Intervals(SeasonBootstrap result)
{
    result.Interval(r => r.PC);
    result.Interval(r => r.EC);
    var width = 0.0;
    for (var k = 0; k < result.Nodes.Count; k++)
    {
        var site = k;
        var dpc = result.Interval(r => r.DPC[site]);
        width += dpc.High - dpc.Low;
        result.Interval(r => r.DPCintra[site]);
        result.Interval(r => r.DPCflux[site]);
        result.Interval(r => r.DPCconnector[site]);
    }
    return width / result.Nodes.Count;
}

static SyntheticMigration MigratoryInputs(int birdCount, int seed)
{
    var random = new Random(seed);
    const int origins = 10, targets = 5;
    var originPoints = Enumerable.Range(0, origins).Select(i => (Longitude: 110 + (3.0 * i), Latitude: 50 + random.NextDouble())).ToArray();
    var targetPoints = Enumerable.Range(0, targets).Select(j => (Longitude: 115 + (4.0 * j), Latitude: 30 + random.NextDouble())).ToArray();
    var birds = Enumerable.Range(0, birdCount).Select(_ =>
    {
        var o = random.Next(origins);
        // Neighbours at origin tend to be neighbours at target: target index near o / 2.
        var t = Math.Clamp((o / 2) + random.Next(-1, 2), 0, targets - 1);
        return new MigrantBird(o, t, (originPoints[o].Longitude + random.NextDouble() - 0.5, originPoints[o].Latitude),
            (targetPoints[t].Longitude + random.NextDouble() - 0.5, targetPoints[t].Latitude));
    }).ToArray();
    return new SyntheticMigration(birds, origins, targets, MantelCorrelation.DistanceMatrix(originPoints),
        MantelCorrelation.DistanceMatrix(targetPoints), Enumerable.Range(1, origins).Select(i => (double)i).ToArray());
}

/// <summary>A synthetic season: the nodes, every bird's site visits and the window.</summary>
internal sealed record SyntheticSeason(SiteNode[] Nodes, List<SiteVisit> Visits, SeasonWindow Window);

internal sealed record MigrantBird(int Origin, int Target, (double Longitude, double Latitude) OriginPoint, (double Longitude, double Latitude) TargetPoint);

internal sealed class SyntheticMigration(MigrantBird[] birds, int origins, int targets, double[,] originDistances,
    double[,] targetDistances, double[] abundance)
{
    private readonly double[,] birdOrigin = MantelCorrelation.DistanceMatrix(birds.Select(b => b.OriginPoint).ToArray());
    private readonly double[,] birdTarget = MantelCorrelation.DistanceMatrix(birds.Select(b => b.TargetPoint).ToArray());

    public MigrantBird[] Birds => birds;

    public int Origins => origins;

    public int Targets => targets;

    public bool EveryOrigin(Resample<MigrantBird> resample) => resample.Select(b => b.Origin).Distinct().Count() == origins;

    public (double MC, double RM) Replicate(Resample<MigrantBird> resample)
    {
        var psi = TransitionEstimate.FromIndividuals(resample.Select(b => b.Origin).ToArray(), resample.Select(b => b.Target).ToArray(), origins, targets).Psi;
        return (MigratoryConnectivity.Strength(psi, originDistances, targetDistances, abundance, resample.Count),
            MantelCorrelation.FromDistances(birdOrigin, birdTarget, resample.Picks));
    }
}
