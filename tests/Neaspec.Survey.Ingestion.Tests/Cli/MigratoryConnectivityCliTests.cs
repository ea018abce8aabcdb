using System.Text.Json;
using Neaspec.Survey.Testing;

namespace Neaspec.Survey.Ingestion.Tests.Cli;

/// <summary>neaspec migratory-connectivity as a user runs it on the committed sample files.</summary>
public sealed class MigratoryConnectivityCliTests : IDisposable
{
    private readonly TestFiles files = new();

    public void Dispose() => files.Dispose();

    private static string Sample(string name) => TestFiles.Sample(Path.Combine("migratory-connectivity", name));

    [Fact]
    public async Task The_sample_individuals_give_MC_rM_and_their_intervals()
    {
        var output = Path.Combine(files.Folder, "out");

        var (code, stdout, stderr) = await NeaspecProcess.RunAsync(null, ["migratory-connectivity",
            "--individuals", Sample("individuals.csv"), "--origins", Sample("origins.csv"), "--targets", Sample("targets.csv"),
            "--origin-abundance", Sample("abundance.csv"), "--bootstrap", "200", "--seed", "7", "--out", output]);

        Assert.True(code == 0, stderr);
        Assert.Contains("MC = ", stdout, StringComparison.Ordinal);
        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, "summary.json")));
        var root = summary.RootElement;
        var (mc, low, high) = (root.GetProperty("MC").GetDouble(), root.GetProperty("MC_ci_low").GetDouble(), root.GetProperty("MC_ci_high").GetDouble());
        Assert.True(-1 <= low && low <= mc && mc <= high && high <= 1, $"{low} <= {mc} <= {high}");
        Assert.True(root.TryGetProperty("rM_ci_high", out _));
        Assert.Equal(36, root.GetProperty("individuals").GetInt32());
        Assert.True(File.Exists(Path.Combine(output, "psi.csv")));
    }

    [Fact]
    public async Task A_bad_psi_file_exits_1_naming_file_line_and_column_and_writes_nothing()
    {
        var psi = files.Write("psi.csv", "id,CN-PYL,KR-CWN,JP-IZM\nRU-DAU,0.7,0.2,0.1\nMN-KHR,0.9,0.2,0\nCN-ZLG,0.4,0.4,0.2\nRU-KHL,0,0.3,0.7\nRU-MRV,0.1,0.4,0.5\n");
        var output = Path.Combine(files.Folder, "out");

        var (code, _, stderr) = await NeaspecProcess.RunAsync(null, ["migratory-connectivity", "--psi", psi,
            "--origin-distances", Sample("origin-distances.csv"), "--target-distances", Sample("target-distances.csv"),
            "--origin-abundance", Sample("abundance.csv"), "--out", output]);

        Assert.Equal(1, code);
        Assert.Contains("psi.csv, line 3, column (row)", stderr, StringComparison.Ordinal);
        Assert.Contains("'MN-KHR' sums to 1.1", stderr, StringComparison.Ordinal);
        Assert.Contains("nothing written", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }
}
