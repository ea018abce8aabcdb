namespace Neaspec.Survey.Trends.Tests;

/// <summary>neaspec trend as a user runs it: a separate process, exit codes 0 / 1.</summary>
public sealed class CliTests : IDisposable
{
    private readonly TestFiles files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public async Task Trend_writes_years_and_summary_and_prints_the_class()
    {
        var counts = files.Write("skylark.csv", FileModeTests.SkylarkCsv());
        var outDir = Path.Combine(files.Folder, "out");
        var (code, stdout, stderr) = await NeaspecProcess.RunAsync(null,
            ["trend", "--counts", counts, "--model", "2", "--changepoints", "2002", "--overdispersion", "--serial-correlation", "--out", outDir]);
        Assert.True(code == 0, stderr);
        // skylark-1f.out: OVERALL SLOPE IMPUTED 1.0474 (0.0141), moderate increase (p<0.01).
        Assert.Contains("overall slope (imputed): 1.0474 ± 0.0141 a year, moderate increase (p<0.01)", stdout, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(outDir, "years.csv")));
        Assert.True(File.Exists(Path.Combine(outDir, "summary.json")));
        Assert.False(File.Exists(Path.Combine(outDir, "strata.csv")));
    }

    [Fact]
    public async Task Bad_counts_exit_1_with_file_line_column_value_and_write_nothing()
    {
        var counts = files.Write("counts.csv", "site,year,count\na,2001,10\na,2002,-1\n");
        var outDir = Path.Combine(files.Folder, "out");
        var (code, _, stderr) = await NeaspecProcess.RunAsync(null, ["trend", "--counts", counts, "--model", "3", "--out", outDir]);
        Assert.Equal(1, code);
        Assert.Contains("counts.csv, line 3, column count, value '-1': a count cannot be negative", stderr, StringComparison.Ordinal);
        Assert.Contains("nothing written", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public async Task A_changepoint_that_is_not_a_year_exits_1()
    {
        var counts = files.Write("counts.csv", "site,year,count\na,2001,10\na,2002,12\n");
        var (code, _, stderr) = await NeaspecProcess.RunAsync(null,
            ["trend", "--counts", counts, "--model", "2", "--changepoints", "2001,later", "--out", Path.Combine(files.Folder, "out")]);
        Assert.Equal(1, code);
        Assert.Contains("'later' is not a year", stderr, StringComparison.Ordinal);
    }
}
