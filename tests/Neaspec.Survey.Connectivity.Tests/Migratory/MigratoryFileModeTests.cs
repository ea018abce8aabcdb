using System.Text.Json;
using Neaspec.Survey.Files.Migratory;

namespace Neaspec.Survey.Connectivity.Tests.Migratory;

public sealed class MigratoryFileModeTests : IDisposable
{
    // Four regions in a line one unit apart, the package's "half mix" psi, equal abundance: MC(R) = 0.6
    // (worked by hand in MigratoryConnectivityTests.Half_mix_worked_by_hand).
    private const string Psi = "id,W,X,Y,Z\nA,0.5,0.5,0,0\nB,0.5,0.5,0,0\nC,0,0,0.5,0.5\nD,0,0,0.5,0.5\n";
    private const string OriginDistances = "id,A,B,C,D\nA,0,1,2,3\nB,1,0,1,2\nC,2,1,0,1\nD,3,2,1,0\n";
    private const string TargetDistances = "id,W,X,Y,Z\nW,0,1,2,3\nX,1,0,1,2\nY,2,1,0,1\nZ,3,2,1,0\n";
    private const string Abundance = "id,abundance\nA,10\nB,10\nC,10\nD,10\n";

    // Two origins and two targets on the equator, one degree apart; four birds at the region points, one from
    // each origin to each target: MC (N = 4) = -0.5 and rM = -0.5 (MigratoryConnectivityTests.Small_sample_four_birds).
    private const string Origins = "id,lon,lat\nO1,0,0\nO2,1,0\n";
    private const string Targets = "id,lon,lat\nT1,10,0\nT2,11,0\n";
    private const string TwoAbundance = "id,abundance\nO1,1\nO2,1\n";
    private const string Birds = "id,origin,target,origin_lon,origin_lat,target_lon,target_lat\n"
        + "a,O1,T1,0,0,10,0\nb,O1,T2,0,0,11,0\nc,O2,T1,1,0,10,0\nd,O2,T2,1,0,11,0\n";

    private readonly TestFiles files = new();

    public void Dispose() => files.Dispose();

    private string Out => Path.Combine(files.Folder, "out");

    private MigratoryConnectivityFileOptions PsiRun(string? psi = null, string? od = null, string? td = null, string? ab = null) => new()
    {
        PsiPath = files.Write("psi.csv", psi ?? Psi),
        OriginDistancesPath = files.Write("od.csv", od ?? OriginDistances),
        TargetDistancesPath = files.Write("td.csv", td ?? TargetDistances),
        OriginAbundancePath = files.Write("ab.csv", ab ?? Abundance),
        OutDirectory = Out,
    };

    private MigratoryConnectivityFileOptions BirdRun(string? birds = null, string? origins = null, string? targets = null,
        string? ab = null, int? bootstrap = null) => new()
    {
        IndividualsPath = files.Write("birds.csv", birds ?? Birds),
        OriginsPath = files.Write("origins.csv", origins ?? Origins),
        TargetsPath = files.Write("targets.csv", targets ?? Targets),
        OriginAbundancePath = files.Write("ab2.csv", ab ?? TwoAbundance),
        Bootstrap = bootstrap,
        Seed = bootstrap is null ? null : 20250101,
        OutDirectory = Out,
    };

    private JsonElement Summary() => JsonDocument.Parse(File.ReadAllText(Path.Combine(Out, "summary.json"))).RootElement;

    [Theory]
    [MemberData(nameof(FormulaCells.Cases), MemberType = typeof(FormulaCells))]
    public void Psi_csv_escapes_a_region_id_that_a_spreadsheet_would_run_as_a_formula(string id, string escaped)
    {
        // Origin A of the half-mix files renamed to the formula (quoted as RFC 4180 wants it) in all three files
        // that name it; its psi row (0.5, 0.5, 0, 0) comes out under the escaped id, the numbers unescaped.
        var quoted = "\"" + id.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        var run = PsiRun(
            psi: Psi.Replace("\nA,", $"\n{quoted},", StringComparison.Ordinal),
            od: OriginDistances.Replace("id,A,", $"id,{quoted},", StringComparison.Ordinal).Replace("\nA,", $"\n{quoted},", StringComparison.Ordinal),
            ab: Abundance.Replace("\nA,", $"\n{quoted},", StringComparison.Ordinal));

        var report = MigratoryConnectivityFiles.Run(run);

        Assert.True(report.Succeeded, string.Join("; ", report.Errors));
        var lines = File.ReadAllLines(Path.Combine(Out, "psi.csv"));
        Assert.Equal([$"{escaped},W,0.5,", $"{escaped},X,0.5,", $"{escaped},Y,0,", $"{escaped},Z,0,"],
            lines.Where(l => l.StartsWith(escaped, StringComparison.Ordinal)));
        Assert.DoesNotContain(lines, l => l.StartsWith(id, StringComparison.Ordinal) || l.StartsWith("\"" + id, StringComparison.Ordinal));
    }

    [Fact]
    public void Psi_file_half_mix_gives_0_6_and_the_small_sample_form_with_a_sample_size()
    {
        var report = MigratoryConnectivityFiles.Run(PsiRun());

        Assert.True(report.Succeeded, string.Join("; ", report.Errors));
        Assert.Equal(0.6, Summary().GetProperty("MC").GetDouble(), 12);
        Assert.Equal("MC(R)", Summary().GetProperty("formula").GetString());
        Assert.False(Summary().TryGetProperty("rM", out _));
        Assert.Equal("A,W,0.5,", File.ReadAllLines(Path.Combine(Out, "psi.csv"))[1]);

        // N = 40,000: the small-sample form lies just under MC(R); the package's full-mix reference shows the
        // size of the correction (-4.2e-5 at MC(R) = 0), here it only has to move MC down a little.
        Assert.True(MigratoryConnectivityFiles.Run(PsiRun() with { SampleSize = 40000 }).Succeeded);
        Assert.InRange(Summary().GetProperty("MC").GetDouble(), 0.599, 0.6 - 1e-9);
    }

    [Fact]
    public void Files_in_another_row_and_column_order_are_matched_by_id()
    {
        // The same distances with B and A swapped in rows and columns, abundance listed backwards.
        var od = "id,B,A,C,D\nB,0,1,1,2\nA,1,0,2,3\nC,1,2,0,1\nD,2,3,1,0\n";
        var ab = "id,abundance\nD,1\nC,1\nB,1\nA,1\n";

        var report = MigratoryConnectivityFiles.Run(PsiRun(od: od, ab: ab));

        Assert.True(report.Succeeded, string.Join("; ", report.Errors));
        Assert.Equal(0.6, report.Result!.MC, 12);
    }

    [Fact]
    public void Individuals_give_psi_MC_with_N_and_rM_from_their_points()
    {
        var report = MigratoryConnectivityFiles.Run(BirdRun());

        Assert.True(report.Succeeded, string.Join("; ", report.Errors));
        var summary = Summary();
        Assert.Equal(-0.5, summary.GetProperty("MC").GetDouble(), 9);
        Assert.Equal(-0.5, summary.GetProperty("rM").GetDouble(), 9);
        Assert.Equal(4, summary.GetProperty("sampleSize").GetDouble());
        Assert.Equal("O1,T1,0.5,1", File.ReadAllLines(Path.Combine(Out, "psi.csv"))[1]);
    }

    [Fact]
    public void Bootstrap_writes_intervals_that_are_identical_for_a_seed_and_any_thread_count()
    {
        var birds = Birds + "e,O1,T1,0.1,0,10.1,0\nf,O2,T2,0.9,0,11,0.1\ng,O2,T1,1,0.1,10,0.2\n";

        Assert.True(MigratoryConnectivityFiles.Run(BirdRun(birds, bootstrap: 400) with { MaxDegreeOfParallelism = 1 }).Succeeded);
        var one = File.ReadAllText(Path.Combine(Out, "summary.json"));
        var onePsi = File.ReadAllText(Path.Combine(Out, "psi.csv"));
        Assert.True(MigratoryConnectivityFiles.Run(BirdRun(birds, bootstrap: 400) with { MaxDegreeOfParallelism = 2 }).Succeeded);

        Assert.Equal(one, File.ReadAllText(Path.Combine(Out, "summary.json")));
        Assert.Equal(onePsi, File.ReadAllText(Path.Combine(Out, "psi.csv")));
        var summary = Summary();
        var (low, high, mc) = (summary.GetProperty("MC_ci_low").GetDouble(), summary.GetProperty("MC_ci_high").GetDouble(), summary.GetProperty("MC").GetDouble());
        Assert.True(low <= high && low >= -1 && high <= 1, $"{low} .. {high}");
        Assert.True(low < mc && mc < high, $"the point estimate {mc} of seven birds lies inside {low} .. {high}");
        Assert.Equal(20250101, summary.GetProperty("bootstrap").GetProperty("seed").GetInt64());
        Assert.Equal(400, summary.GetProperty("bootstrap").GetProperty("MC").GetProperty("defined").GetInt32()
            + summary.GetProperty("bootstrap").GetProperty("MC").GetProperty("undefined").GetInt32());
        Assert.Equal("origin,target,psi,individuals,psi_ci_low,psi_ci_high", File.ReadAllLines(Path.Combine(Out, "psi.csv"))[0]);
    }

    public static TheoryData<string, string, string, int, string, string> BadPsiFiles() => new()
    {
        // which file, its content, expected file in the error, line, column, part of the reason
        { "psi", "id,W,X,Y,Z\nA,0.5,0.5,0,0\nB,0.5,0.4,0,0\nC,0,0,0.5,0.5\nD,0,0,0.5,0.5\n", "psi.csv", 3, "(row)", "sums to 0.9" },
        { "psi", "id,W,X,Y,Z\nA,0.5,0.5,0,0\nB,0.5,0.5,0,0\nC,0,0,1.5,-0.5\nD,0,0,0.5,0.5\n", "psi.csv", 4, "Y", "between 0 and 1" },
        { "psi", "id,W,X,Y,Z\nA,0.5,0.5,0,0\nB,0.5,0.5,0,0\nC,0,0,0.5,0.5\nD,0,0,0,5,0.5\n", "psi.csv", 5, "(row)", "5 values but the header names 4" },
        { "psi", "id,W,X,Y,Z\nA,0.5,0.5,0,0\nB,0.5,0.5,0,0\nC,0,0,0.5,0.5\nD,0,0,0.5,abc\n", "psi.csv", 5, "Z", "not a number" },
        { "psi", "id,W,X,Y,Z\nA,0.5,0.5,0,0\nA,0.5,0.5,0,0\nC,0,0,0.5,0.5\nD,0,0,0.5,0.5\n", "psi.csv", 3, "id", "already used on line 2" },
        { "psi", "region,W,X,Y,Z\nA,0.5,0.5,0,0\n", "psi.csv", 1, "(header)", "first header cell" },
        { "psi", "id,W,X,X,Z\nA,0.5,0.5,0,0\n", "psi.csv", 1, "(header)", "given twice" },
        { "psi", "", "psi.csv", 1, "(header)", "empty" },
        { "psi", "id,W,X,Y,Z\n", "psi.csv", 2, "(row)", "no row" },
        { "od", "id,A,B,C,D\nA,0,1,2,3\nB,1,0,1,2\nC,2,1,0,1\nD,3,2.5,1,0\n", "od.csv", 3, "D", "symmetric" },
        { "od", "id,A,B,C,D\nA,0,1,2,3\nB,1,0,1,2\nC,2,1,0,-1\nD,3,2,-1,0\n", "od.csv", 4, "D", "must be >= 0" },
        { "od", "id,A,B,C,D\nA,0,1,2,3\nB,1,0,1,2\nC,2,1,0,1\nE,3,2,1,0\n", "od.csv", 5, "id", "not among the header's columns" },
        { "od", "id,A,B,C,D\nA,0,1,2,3\nB,1,0,1,2\nC,2,1,0,1\n", "od.csv", 1, "D", "has no row" },
        { "td", "id,W,X,Y,Z\nW,0,1,2,3\nX,1,0,1,2\nY,2,1,0,1\nZ,3,2,1,0.0\nV,1,1,1,1\n", "td.csv", 6, "id", "not among the header's columns" },
        { "td", "id,W,X,Y,Z\nW,0,1,2,3\nX,1,0,1,2\nY,2,1,0,1\nZ,3,2,1.5,0\n", "td.csv", 4, "Z", "symmetric" },
        { "ab", "id,abundance\nA,10\nB,-1\nC,10\nD,10\n", "ab.csv", 3, "abundance", "must be >= 0" },
        { "ab", "id,abundance\nA,0\nB,0\nC,0\nD,0\n", "ab.csv", 0, "abundance", "every abundance is 0" },
        { "ab", "id,count\nA,10\n", "ab.csv", 1, "abundance", "no 'abundance' column" },
        { "ab", "id,abundance\nA,10\nB,10\nC,10\n", "ab.csv", 0, "id", "'D' of psi.csv has no row" },
        { "ab", "id,abundance\nA,10\nB,10\nC,10\nD,10\nE,3\n", "ab.csv", 6, "id", "not an origin region of psi.csv" },
    };

    [Theory]
    [MemberData(nameof(BadPsiFiles))]
    public void A_bad_file_is_refused_with_file_line_and_column_and_nothing_is_written(string which, string content,
        string file, int line, string column, string reason)
    {
        var options = which switch
        {
            "psi" => PsiRun(psi: content),
            "od" => PsiRun(od: content),
            "td" => PsiRun(td: content),
            _ => PsiRun(ab: content),
        };

        AssertRefused(options, file, line, column, reason);
    }

    private void AssertRefused(MigratoryConnectivityFileOptions options, string file, int line, string column, string reason)
    {
        var report = MigratoryConnectivityFiles.Run(options);

        Assert.False(report.Succeeded);
        Assert.Contains(report.Errors, e => e.File == file && e.Line == line && e.Column == column
            && e.Reason.Contains(reason, StringComparison.Ordinal));
        Assert.False(Directory.Exists(Out));
    }

    [Fact]
    public void Distances_that_do_not_match_psi_are_refused_by_id()
    {
        // OD names origins A, B, C, E: E is not an origin of psi and D has no row.
        var od = "id,A,B,C,E\nA,0,1,2,3\nB,1,0,1,2\nC,2,1,0,1\nE,3,2,1,0\n";

        var errors = MigratoryConnectivityFiles.Run(PsiRun(od: od)).Errors;

        Assert.Contains(errors, e => e.File == "od.csv" && e.Line == 5 && e.Value == "E" && e.Reason.Contains("not an origin region of psi.csv", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.File == "od.csv" && e.Value == "D" && e.Reason.Contains("has no row", StringComparison.Ordinal));
    }

    public static TheoryData<string, string, string, int, string, string> BadBirdFiles() => new()
    {
        { "birds", Birds + "e,O3,T1,0,0,10,0\n", "birds.csv", 6, "origin", "no origin region" },
        { "birds", Birds + "e,O1,T9,0,0,10,0\n", "birds.csv", 6, "target", "no target region" },
        { "birds", Birds + "a,O1,T1,0,0,10,0\n", "birds.csv", 6, "id", "already used on line 2" },
        { "birds", Birds + "e,O1,T1,0,95,10,0\n", "birds.csv", 6, "origin_lat", "between -90 and 90" },
        { "birds", "id,origin,target,origin_lon,origin_lat\na,O1,T1,0,0\n", "birds.csv", 1, "(header)", "all four point columns" },
        { "birds", "id,origin\na,O1\n", "birds.csv", 1, "target", "no 'target' column" },
        { "birds", "id,origin,target\na,O1,T1\nb,O1,T2\n", "birds.csv", 0, "origin", "no individual has origin 'O2'" },
        { "origins", "id,lon,lat\nO1,0,0\nO2,200,0\n", "origins.csv", 3, "lon", "between -180 and 180" },
        { "origins", "id,lat\nO1,0\n", "origins.csv", 1, "lon", "no 'lon' column" },
        { "targets", "id,lon,lat\nT1,10,0\nT2,11,0\nT1,12,0\n", "targets.csv", 4, "id", "already used on line 2" },
        { "ab", "id,abundance\nO1,1\nO3,1\n", "ab2.csv", 3, "id", "not an origin region of origins.csv" },
    };

    [Theory]
    [MemberData(nameof(BadBirdFiles))]
    public void A_bad_individuals_or_regions_file_is_refused_with_file_line_and_column(string which, string content,
        string file, int line, string column, string reason)
    {
        var options = which switch
        {
            "birds" => BirdRun(birds: content),
            "origins" => BirdRun(origins: content),
            "targets" => BirdRun(targets: content),
            _ => BirdRun(ab: content),
        };

        AssertRefused(options, file, line, column, reason);
    }

    [Fact]
    public void Options_that_contradict_each_other_are_refused()
    {
        var both = PsiRun() with { IndividualsPath = files.Write("birds.csv", Birds) };
        var neither = PsiRun() with { PsiPath = null };
        var bootstrapWithoutBirds = PsiRun() with { Bootstrap = 100 };
        var sampleSizeWithBirds = BirdRun() with { SampleSize = 10 };
        var twoOriginSources = PsiRun() with { OriginsPath = files.Write("origins.csv", Origins) };
        var missing = PsiRun() with { OriginAbundancePath = Path.Combine(files.Folder, "nowhere.csv") };

        Assert.Contains(MigratoryConnectivityFiles.Run(both).Errors, e => e.Column == "--psi");
        Assert.Contains(MigratoryConnectivityFiles.Run(neither).Errors, e => e.Column == "--psi");
        Assert.Contains(MigratoryConnectivityFiles.Run(bootstrapWithoutBirds).Errors, e => e.Column == "--bootstrap");
        Assert.Contains(MigratoryConnectivityFiles.Run(sampleSizeWithBirds).Errors, e => e.Column == "--sample-size");
        Assert.Contains(MigratoryConnectivityFiles.Run(twoOriginSources).Errors, e => e.Column == "--origin-distances");
        Assert.Contains(MigratoryConnectivityFiles.Run(missing).Errors, e => e.Column == "--origin-abundance" && e.Reason == "no such file");
        Assert.False(Directory.Exists(Out));
    }

    [Fact]
    public void A_refused_run_leaves_an_earlier_summary_untouched()
    {
        Assert.True(MigratoryConnectivityFiles.Run(PsiRun()).Succeeded);
        var before = File.ReadAllText(Path.Combine(Out, "summary.json"));

        var report = MigratoryConnectivityFiles.Run(PsiRun(psi: "id,W,X,Y,Z\nA,1,1,0,0\n"));

        Assert.False(report.Succeeded);
        Assert.Equal(before, File.ReadAllText(Path.Combine(Out, "summary.json")));
        Assert.Equal(["psi.csv", "summary.json"], Directory.GetFiles(Out).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Too_few_birds_per_origin_for_resamples_that_keep_every_origin_is_refused_not_a_crash()
    {
        // Fourteen origins with one bird each: a resample of 14 holds all of them with probability
        // 14! / 14^14 = 7.8e-6, so no replicate finds one in 10,000 draws.
        var origins = "id,lon,lat\n" + string.Concat(Enumerable.Range(0, 14).Select(i => $"O{i},{i},0\n"));
        var birds = "id,origin,target\n" + string.Concat(Enumerable.Range(0, 14).Select(i => $"b{i},O{i},T{i % 2 + 1}\n"));
        var ab = "id,abundance\n" + string.Concat(Enumerable.Range(0, 14).Select(i => $"O{i},1\n"));

        var report = MigratoryConnectivityFiles.Run(BirdRun(birds, origins, ab: ab, bootstrap: 10));

        Assert.Contains(report.Errors, e => e.File == "birds.csv" && e.Reason.Contains("Merge regions", StringComparison.Ordinal));
        Assert.False(Directory.Exists(Out));
    }

    [Fact]
    public void One_origin_region_is_not_enough_for_MC()
    {
        var report = MigratoryConnectivityFiles.Run(PsiRun(psi: "id,W,X\nA,0.5,0.5\n", od: "id,A\nA,0\n",
            td: "id,W,X\nW,0,1\nX,1,0\n", ab: "id,abundance\nA,1\n"));

        Assert.Contains(report.Errors, e => e.Reason.Contains("at least two origin", StringComparison.Ordinal));
    }
}
