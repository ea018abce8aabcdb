using System.Diagnostics;
using System.Globalization;
using Neaspec.Survey.Trends;

// One fit of TRIM on generated counts, timed, with the process's peak RSS; scripts/bench-trend runs the target
// and the baseline as separate processes so each peak RSS is its own.
//   Neaspec.Survey.Trends.Benchmark --sites 2000 --years 25 --model 3 [--overdispersion] [--serial-correlation]
// Counts: site levels log-normal (median 40 birds), a 2 %-a-year decline with year-to-year wiggles,
// gamma-Poisson overdispersion (shape 4) and an AR(1) site-year effect (ρ = 0.5) on the log scale; 35 % of
// the site-years missing at random. Fixed seed: every run fits the same table.

var sites = Argument("--sites", 2000);
var years = Argument("--years", 25);
var model = (TrendModel)Argument("--model", 3);
var options = new TrendOptions
{
    Model = model,
    Overdispersion = args.Contains("--overdispersion"),
    SerialCorrelation = args.Contains("--serial-correlation"),
};
var input = Generate(sites, years, seed: 17);

// Warm-up on a small table so the JIT is not charged to the measured fit.
TrendAnalysis.Run(Generate(50, years, seed: 3), options);

var watch = Stopwatch.StartNew();
var outcome = TrendAnalysis.Run(input, options);
var seconds = watch.Elapsed.TotalSeconds;
if (outcome.Result is not { } r)
{
    Console.Error.WriteLine(string.Join("; ", outcome.Problems));
    return 1;
}
var slope = r.ImputedSlope!;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"seconds={seconds:F3} peak_rss_mb={PeakRssMb():F0} iterations={r.Iterations} converged={r.Converged} sites={r.Sites.Count} "
    + $"observed={r.ObservedCounts} sigma2={r.Overdispersion?.ToString("F3", CultureInfo.InvariantCulture) ?? "-"} "
    + $"rho={r.SerialCorrelation?.ToString("F3", CultureInfo.InvariantCulture) ?? "-"} slope={slope.Multiplicative:F4}±{slope.MultiplicativeSe:F4} ({slope.Class.ToText()})"));
return 0;

int Argument(string name, int fallback)
{
    var at = Array.IndexOf(args, name);
    return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
}

static double PeakRssMb()
{
    // VmHWM: the resident set's high-water mark of this process (Linux).
    var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
    return line is null ? double.NaN : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
}

static TrendInput Generate(int sites, int years, int seed)
{
    var random = new Random(seed);
    var counts = new List<SiteYearCount>(sites * years);
    var wiggle = Enumerable.Range(0, years).Select(_ => 0.1 * Normal(random)).ToArray();
    for (var i = 0; i < sites; i++)
    {
        var level = Math.Log(40) + Normal(random);
        var ar = Normal(random) * 0.3;
        for (var j = 0; j < years; j++)
        {
            ar = (0.5 * ar) + (Math.Sqrt(1 - 0.25) * 0.3 * Normal(random));
            var mean = Math.Exp(level + (Math.Log(0.98) * j) + wiggle[j] + ar);
            var count = Poisson(random, Gamma(random, 4) / 4 * mean);
            counts.Add(new SiteYearCount($"s{i}", 2000 + j, random.NextDouble() < 0.35 ? null : count));
        }
    }
    return new TrendInput { Counts = counts };
}

static double Normal(Random random) =>
    Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

// Marsaglia & Tsang (2000) for shape >= 1.
static double Gamma(Random random, double shape)
{
    var d = shape - (1.0 / 3);
    var c = 1 / Math.Sqrt(9 * d);
    while (true)
    {
        var x = Normal(random);
        var v = Math.Pow(1 + (c * x), 3);
        if (v > 0 && Math.Log(1 - random.NextDouble()) < (0.5 * x * x) + d - (d * v) + (d * Math.Log(v)))
        {
            return d * v;
        }
    }
}

// Knuth's product method for small means, a rounded normal approximation above 50.
static int Poisson(Random random, double mean)
{
    if (mean > 50)
    {
        return Math.Max(0, (int)Math.Round(mean + (Math.Sqrt(mean) * Normal(random))));
    }
    var limit = Math.Exp(-mean);
    var k = 0;
    var product = random.NextDouble();
    while (product > limit)
    {
        k++;
        product *= random.NextDouble();
    }
    return k;
}
