using System.Text.Json.Nodes;

namespace Neaspec.Survey.Report.Tests;

/// <summary>neaspec report trend and the database mode of neaspec trend as a user runs them: the files, and for bad
/// input one clear line per problem, exit code 1, nothing written and never a stack trace.</summary>
public sealed class TrendCliTests(TrendDatabase data) : IClassFixture<TrendDatabase>
{
    private Task<(int Code, string Out, string Err)> RunAsync(params string[] args) => NeaspecProcess.RunAsync(data.Db.ConnectionString, args);

    private string Out(string name) => Path.Combine(data.Files.Folder, "cli", name);

    [Fact]
    public async Task Report_trend_writes_the_page_and_its_data_files()
    {
        var dir = Out("report");
        var (code, stdout, stderr) = await RunAsync("report", "trend", "--species", "黑脸琵鹭", "--window", "12-01..02-28", "--years", "2019-2024",
            "--model", "3", "--overdispersion", "--covariate", "none", "--out", dir);

        Assert.True(code == 0, stderr);
        foreach (var name in new[] { "report.html", "years.csv", "sites.csv", "site_years.csv", "summary.json" })
        {
            Assert.True(File.Exists(Path.Combine(dir, name)), name + " missing");
        }
        Assert.False(File.Exists(Path.Combine(dir, "strata.csv")));
        Assert.Contains("Platalea minor, window 12-01..02-28, 2019-2024: 5 sites", stdout, StringComparison.Ordinal);
        Assert.Contains("1 % of global (East Asian wintering population) = 71: regularly met at HK-MPO, TW-ZWE", stdout, StringComparison.Ordinal);
        var summary = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "summary.json")))!;
        Assert.Equal("[\"HK-MPO\",\"TW-ZWE\"]", summary["thresholds"]![0]!["sitesRegularlyOnePercent"]!.ToJsonString());
        Assert.Equal(1 + (5 * 6), (await File.ReadAllLinesAsync(Path.Combine(dir, "site_years.csv"))).Length); // header + 5 sites x 6 winters
    }

    [Fact]
    public async Task The_sites_in_several_countries_get_strata_by_default_and_say_how_to_drop_them_when_they_cannot()
    {
        // Model 3 by country has a time effect per country and year (4 x 5 + 5 site parameters) and Korea has no count
        // before 2021: refused, with the way out.
        var (code, _, stderr) = await RunAsync("report", "trend", "--species", "Platalea minor", "--window", "12-01..02-28", "--years", "2019-2024",
            "--model", "3", "--out", Out("strata"));
        Assert.Equal(1, code);
        Assert.Contains("--covariate none fits one trend over all of them", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Out("strata")));

        var model2 = await RunAsync("report", "trend", "--species", "Platalea minor", "--window", "12-01..02-28", "--years", "2019-2024",
            "--model", "2", "--out", Out("strata2"));
        Assert.True(model2.Code == 0, model2.Err);
        Assert.Contains("strata by country", model2.Out, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Out("strata2"), "strata.csv")));
    }

    [Theory]
    [InlineData("--species", "Dodo", "neaspec: --species: 'Dodo' is not in the species catalogue (scientific name, synonym or common name)")]
    [InlineData("--window", "13-01..02-28", "neaspec: --window: '13-01..02-28' is not a window MM-DD..MM-DD")]
    [InlineData("--window", "monsoon", "neaspec: --window: 'monsoon' is neither a window MM-DD..MM-DD (e.g. 12-01..02-28) nor a season (spring, breeding, autumn, winter)")]
    [InlineData("--years", "2024-2019", "neaspec: --years: 2024-2019 runs backwards; give the first year first, e.g. 2019-2024")]
    [InlineData("--years", "2019-20x4", "neaspec: --years: '2019-20x4' is not a range of years such as 2001-2025")]
    [InlineData("--covariate", "habitat", "neaspec: --covariate: 'habitat' is not a covariate of the database; use country (or none)")]
    [InlineData("--population", "Atlantic", "neaspec: --population: 'Atlantic' is not a population of Platalea minor; the table has 'global (East Asian wintering population)'")]
    public async Task Bad_input_exits_1_with_one_clear_line_and_writes_nothing(string option, string value, string message)
    {
        var args = new Dictionary<string, string>
        {
            ["--species"] = "Platalea minor", ["--window"] = "12-01..02-28", ["--years"] = "2019-2024", ["--covariate"] = "none",
        };
        args[option] = value;
        var dir = Out("bad-" + Guid.NewGuid().ToString("N"));
        foreach (var command in new[] { new[] { "report", "trend" }, new[] { "trend" } })
        {
            var (code, _, stderr) = await RunAsync([.. command, .. args.SelectMany(a => new[] { a.Key, a.Value }), "--model", "3", "--out", dir]);
            Assert.Equal(1, code);
            Assert.Contains(message, stderr, StringComparison.Ordinal);
            Assert.Contains("nothing written", stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
            Assert.False(Directory.Exists(dir));
        }
    }

    [Fact]
    public async Task Trend_wants_either_a_file_or_a_species_with_its_window_and_years()
    {
        var both = await RunAsync("trend", "--counts", "x.csv", "--species", "Platalea minor", "--model", "3", "--out", Out("both"));
        Assert.Equal(1, both.Code);
        Assert.Contains("give either --counts FILE.csv (file mode) or --species with --window and --years (database mode)", both.Err, StringComparison.Ordinal);

        var noWindow = await RunAsync("trend", "--species", "Platalea minor", "--years", "2019-2024", "--model", "3", "--out", Out("nowindow"));
        Assert.Equal(1, noWindow.Code);
        Assert.Contains("--window is required with --species (database mode)", noWindow.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", noWindow.Err, StringComparison.Ordinal);
    }
}
