using System.Diagnostics;
using System.Text.Json;
using Neaspec.Survey.Testing;
using NetTopologySuite.Features;
using NetTopologySuite.IO.Converters;

namespace Neaspec.Survey.Report.Tests;

/// <summary>neaspec report connectivity as a user runs it on the sample data: the files, the exit codes, and
/// one clear line (never a stack trace) for a bad request.</summary>
public sealed class ReportCliTests : IClassFixture<SampleDatabase>, IDisposable
{
    private readonly SampleDatabase sample;
    private readonly TestFiles files = new();

    public ReportCliTests(SampleDatabase sample) => this.sample = sample;

    public void Dispose() => files.Dispose();

    private Task<(int Code, string Out, string Err)> RunAsync(params string[] args) =>
        NeaspecProcess.RunAsync(sample.Db.ConnectionString, args);

    [Fact]
    public async Task The_readme_command_writes_the_report_files_for_the_sample_data()
    {
        var dir = Path.Combine(files.Folder, "out", "report");

        var (code, stdout, stderr) = await RunAsync("report", "connectivity", "--species", "Grus monacha", "--season", "winter", "--year", "2025", "--out", dir);

        Assert.True(code == 0, stderr);
        Assert.Contains("5 sites", stdout, StringComparison.Ordinal);
        foreach (var name in new[] { "report.html", "sites.geojson", "links.geojson", "nodes.csv", "country_pairs.csv", "summary.csv" })
        {
            Assert.True(File.Exists(Path.Combine(dir, name)), name + " missing");
        }
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory());
        var sites = JsonSerializer.Deserialize<FeatureCollection>(await File.ReadAllTextAsync(Path.Combine(dir, "sites.geojson")), options)!;
        Assert.Equal(4 * 5, sites.Count);
        Assert.All(sites, f => Assert.Equal("Point", f.Geometry.GeometryType));
        var links = JsonSerializer.Deserialize<FeatureCollection>(await File.ReadAllTextAsync(Path.Combine(dir, "links.geojson")), options)!;
        Assert.All(links, f => Assert.Equal("LineString", f.Geometry.GeometryType));
        Assert.Equal(20L, await sample.Db.ScalarAsync<long>("select count(*) from report_site_connectivity where species = 'Grus monacha'"));
    }

    [Fact]
    public async Task A_species_in_another_language_and_korean_names_work()
    {
        var dir = Path.Combine(files.Folder, "ko");

        var (code, _, stderr) = await RunAsync("report", "connectivity", "--species", "흑두루미", "--season", "winter", "--year", "2025",
            "--distance-km", "300", "--lang", "ko", "--out", dir);

        Assert.True(code == 0, stderr);
        var nodes = await File.ReadAllTextAsync(Path.Combine(dir, "nodes.csv"));
        Assert.Contains("순천만", nodes, StringComparison.Ordinal);
        Assert.Contains(",300,", nodes, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--species", "Grus imaginaria", "not in the species catalogue")]
    [InlineData("--year", "1990", "no counts")]
    public async Task A_bad_request_exits_1_with_one_clear_line(string option, string value, string message)
    {
        var args = new Dictionary<string, string> { ["--species"] = "Grus monacha", ["--season"] = "winter", ["--year"] = "2025" };
        args[option] = value;

        var (code, _, stderr) = await RunAsync(["report", "connectivity", .. args.SelectMany(a => new[] { a.Key, a.Value }), "--out", files.Folder]);

        Assert.Equal(1, code);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(files.Folder, "report.html")));
    }

    [Fact]
    public async Task Connectivity_from_the_database_gives_the_numbers_of_the_library_on_the_same_nodes()
    {
        var dir = Path.Combine(files.Folder, "out", "db-mode");

        var (code, _, stderr) = await RunAsync("connectivity", "--species", "흑두루미", "--season", "winter", "--year", "2025",
            "--distance-km", "250", "--out", dir);

        Assert.True(code == 0, stderr);
        // The hand-read Hooded Crane winter nodes, through the library directly.
        var expected = Connectivity.ConnectivityAnalysis.Run(new Connectivity.DistanceDecay(250).Build(SampleDatabase.HoodedCraneWinter2025));
        var rows = File.ReadAllLines(Path.Combine(dir, "nodes.csv"));
        var header = rows[0].Split(',');
        var site = Array.IndexOf(header, "site_code");
        var dpc = Array.IndexOf(header, "dPC");
        var got = rows.Skip(1).Select(r => r.Split(',')).ToDictionary(f => f[site], f => double.Parse(f[dpc], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(SampleDatabase.HoodedCraneWinter2025.Select(n => n.Id).Order(), got.Keys.Order());
        foreach (var node in expected.PerNode)
        {
            Assert.Equal(node.DPC, got[node.Id], 9);
        }
    }

    [Fact]
    public async Task Connectivity_needs_either_files_or_a_species()
    {
        var (code, _, stderr) = await RunAsync("connectivity", "--out", Path.Combine(files.Folder, "none"));

        Assert.Equal(1, code);
        Assert.Contains("either --nodes", stderr, StringComparison.Ordinal);
    }
}
