using System.Text.Json;
using Neaspec.Survey.Files.Migratory;
using Neaspec.Survey.Report.Migratory;
using Neaspec.Survey.Testing;

namespace Neaspec.Survey.Report.Tests.Migratory;

/// <summary>Database mode of MC on <see cref="MigratoryScenario"/>: birds' ends from their stays, abundance from the
/// census, the hand-worked psi and MC, dropped birds, and the same numbers as file mode on the same birds.</summary>
public sealed class MigratoryDatabaseTests : IClassFixture<MigratoryScenario>, IDisposable
{
    private readonly MigratoryScenario scenario;
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"mc-db-{Guid.NewGuid():N}");

    public MigratoryDatabaseTests(MigratoryScenario scenario) => this.scenario = scenario;

    public void Dispose()
    {
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Id(string bird) => $"{MigratoryScenario.Study}/{bird}";

    [Fact]
    public async Task Six_birds_give_the_psi_and_MC_worked_by_hand()
    {
        var inputs = await scenario.LoadAsync(MigratoryScenario.Request());
        var analysis = MigratoryAnalysis.Compute(inputs, 0, null);

        // Origins (ordinal): RU-KHL (b1, b2), RU-MRV (a1-a4); targets JP-IZM, KR-SCB.
        Assert.Equal(["RU-KHL", "RU-MRV"], inputs.Origins.Select(o => o.Id));
        Assert.Equal(["JP-IZM", "KR-SCB"], inputs.Targets.Select(t => t.Id));
        // Peak counts in 1 Jun - 15 Aug 2024: Khanka 100 (the 999 of 20 May is outside), Muraviovka max(200, 300) = 300.
        Assert.Equal([100.0, 300.0], inputs.Origins.Select(o => o.Abundance!.Value));
        // psi: Khanka 0 of 2 to Izumi, 2 of 2 to Suncheon; Muraviovka 3 of 4 to Izumi, 1 of 4 to Suncheon.
        var e = analysis.Estimate!;
        Assert.Equal(new double[,] { { 0, 1 }, { 0.75, 0.25 } }, e.Point.Psi);
        Assert.Equal(6, e.Transitions.Individuals);

        // MC, small-sample form with N = 6 (Cohen et al. 2018), two regions per side, so D and V are 0 on the diagonal
        // and one distance off it; MC is a correlation, so the distances' scale drops out: take D_ik = V_jl = 1 off the
        // diagonal. r = (Khanka 0.25, Muraviovka 0.75); target shares t = (0.75 * 0.75, 0.25 + 0.75 * 0.25) = (0.5625, 0.4375).
        // The pair weights sum to 1, so with 0/1 distances the means are the off-diagonal weights:
        //   Dbar = 6 * 2 * 0.25 * 0.75 / 5 = 0.45,             var D = 0.45 * 0.55 = 0.2475;
        //   Vbar = 6 * 2 * 0.5625 * 0.4375 / 5 = 0.590625,     var V = 0.590625 * 0.409375 = 0.241787109375.
        // E[D V] = 6/5 * sum_{i != k} r_i r_k sum_{j != l} psi_ij psi_kl = 6/5 * 2 * 0.1875 * (0 * 0.25 + 1 * 0.75) = 0.3375,
        // cov = 0.3375 - 0.45 * 0.590625 = 0.07171875, MC = 0.07171875 / sqrt(0.2475 * 0.241787109375) = 0.29318...
        Assert.Equal(0.07171875 / Math.Sqrt(0.2475 * 0.241787109375), e.Point.MC, 12);
    }

    [Fact]
    public async Task Birds_without_both_ends_or_without_a_counted_origin_are_dropped_with_the_reason()
    {
        var inputs = await scenario.LoadAsync(MigratoryScenario.Request());
        var birds = inputs.Birds.ToDictionary(b => b.Individual);

        Assert.Equal(9, birds.Count);
        Assert.Equal(6, inputs.Birds.Count(b => b.Used));
        Assert.StartsWith("no stay in the target season winter 2025 (2024-12-01 to 2025-02-28)", birds[Id("g")].Dropped, StringComparison.Ordinal);
        Assert.StartsWith("no stay in the origin season breeding 2024 (2024-06-01 to 2024-08-15)", birds[Id("h")].Dropped, StringComparison.Ordinal);
        Assert.Contains("RU-DAU has no census count", birds[Id("d")].Dropped, StringComparison.Ordinal);
        Assert.Equal(("RU-MRV", "JP-IZM"), (birds[Id("a1")].Origin!.Region, birds[Id("a1")].Target!.Region));
        // 5 Jun 00:00 - 20 Jul 00:00 = 45 days at Muraviovka, all inside the breeding window.
        Assert.Equal(45, birds[Id("a1")].Origin!.Days, 9);
    }

    [Fact]
    public async Task The_command_lists_used_and_dropped_birds_and_writes_them_to_birds_csv()
    {
        var (code, stdout, stderr) = await NeaspecProcess.RunAsync(scenario.Db.ConnectionString,
            ["migratory-connectivity", "--species", "흑두루미", "--year", "2024", "--origin-season", "breeding", "--target-season", "winter",
             "--bootstrap", "200", "--seed", "7", "--out", folder]);

        Assert.True(code == 0, stderr);
        Assert.Contains("9 tracked birds: 6 with both ends, 3 dropped", stdout, StringComparison.Ordinal);
        Assert.Contains($"{Id("g")}: dropped, no stay in the target season", stdout, StringComparison.Ordinal);
        Assert.Contains("MC = 0.2932 (95 % interval", stdout, StringComparison.Ordinal);
        var rows = File.ReadAllLines(Path.Combine(folder, "birds.csv"));
        Assert.Equal(10, rows.Length);
        Assert.Contains(rows, r => r.StartsWith($"{Id("d")},no,\"its origin region RU-DAU has no census count", StringComparison.Ordinal));
        Assert.Equal(6, File.ReadAllLines(Path.Combine(folder, "individuals.csv")).Length - 1);
        var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "summary.json"))).RootElement;
        Assert.Equal(3, summary.GetProperty("birds").GetProperty("dropped").GetInt32());
        Assert.Equal(7, summary.GetProperty("bootstrap").GetProperty("seed").GetInt64());
    }

    [Fact]
    public async Task Too_few_regions_is_refused_with_the_birds_listed_and_nothing_written()
    {
        // Country regions: every breeding bird is in RU, one origin region, so MC is undefined.
        var (code, stdout, stderr) = await NeaspecProcess.RunAsync(scenario.Db.ConnectionString,
            ["migratory-connectivity", "--species", "Grus monacha", "--year", "2024", "--origin-season", "breeding", "--target-season", "winter",
             "--regions", "country", "--out", folder]);

        Assert.Equal(1, code);
        Assert.Contains("1 origin region(s) and 2 target region(s)", stderr, StringComparison.Ordinal);
        Assert.Contains("dropped", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public async Task Cluster_regions_join_sites_closer_than_the_distance()
    {
        // Izumi - Suncheon Bay is about 400 km, Muraviovka - Khanka about 650 km: at 500 km the wintering sites are one
        // region and the breeding sites two, so MC has one target region and is not computed.
        var request = MigratoryScenario.Request();
        request = request with { Birds = request.Birds with { Migratory = request.Birds.Migratory! with { Regions = RegionGrouping.Cluster, RegionDistanceKm = 500 } } };
        var inputs = await scenario.LoadAsync(request);

        Assert.Equal(["JP-IZM+KR-SCB"], inputs.Targets.Select(t => t.Id));
        Assert.Equal(["RU-KHL", "RU-MRV"], inputs.Origins.Select(o => o.Id));
        Assert.Contains("2 origin region(s) and 1 target region(s)", inputs.WhyNot, StringComparison.Ordinal);
        Assert.Null(MigratoryAnalysis.Compute(inputs, 0, null).Estimate);
    }

    [Fact]
    public async Task Database_mode_gives_what_file_mode_gives_on_the_same_birds()
    {
        var inputs = await scenario.LoadAsync(MigratoryScenario.Request());
        var analysis = MigratoryAnalysis.Compute(inputs, 300, 99);
        MigratoryFiles.Write(analysis, folder);

        var fileMode = Path.Combine(folder, "file-mode");
        var report = MigratoryConnectivityFiles.Run(new MigratoryConnectivityFileOptions
        {
            IndividualsPath = Path.Combine(folder, "individuals.csv"),
            OriginsPath = Path.Combine(folder, "origins.csv"),
            TargetsPath = Path.Combine(folder, "targets.csv"),
            OriginAbundancePath = Path.Combine(folder, "abundance.csv"),
            Bootstrap = 300,
            Seed = 99,
            OutDirectory = fileMode,
        });

        Assert.True(report.Succeeded, string.Join("; ", report.Errors));
        var db = analysis.Result!;
        Assert.Equal(db.MC, report.Result!.MC);
        Assert.Equal(db.RM, report.Result.RM);
        Assert.Equal((db.MCInterval!.Low, db.MCInterval.High), (report.Result.MCInterval!.Low, report.Result.MCInterval.High));
        Assert.Equal(File.ReadAllBytes(Path.Combine(folder, "psi.csv")), File.ReadAllBytes(Path.Combine(fileMode, "psi.csv")));
    }
}
