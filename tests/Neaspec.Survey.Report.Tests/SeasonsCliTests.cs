using System.Text.Json;

namespace Neaspec.Survey.Report.Tests;

/// <summary>neaspec seasons list|set|reset: the season windows an admin edits, and the report following them. A
/// database of its own, as the test changes the windows.</summary>
public sealed class SeasonsCliTests : IClassFixture<SampleDatabase>, IDisposable
{
    private readonly SampleDatabase sample;
    private readonly TestFiles files = new();

    public SeasonsCliTests(SampleDatabase sample) => this.sample = sample;

    public void Dispose() => files.Dispose();

    private Task<(int Code, string Out, string Err)> RunAsync(params string[] args) => NeaspecProcess.RunAsync(sample.Db.ConnectionString, args);

    [Fact]
    public async Task A_species_window_set_by_an_admin_is_listed_used_by_the_report_and_reset()
    {
        var (listed, defaults, _) = await RunAsync("seasons", "list");
        Assert.Equal(0, listed);
        Assert.Matches("\\(default\\)\\s*│\\s*winter\\s*│\\s*12-01\\s*│\\s*02-29\\s*│\\s*UTC", defaults);

        // The Hooded Crane's first own window: the four defaults are copied for it first, so its spring stays.
        var (set, setOut, setErr) = await RunAsync("seasons", "set", "--species", "흑두루미", "--season", "winter", "--window", "12-10..02-20");
        Assert.True(set == 0, setErr);
        Assert.Contains("Grus monacha had no windows of its own: the default ones were copied for it first.", setOut, StringComparison.Ordinal);
        Assert.Contains("Grus monacha winter: 12-10..02-20, dates in UTC (was 12-01..02-29, UTC).", setOut, StringComparison.Ordinal);
        var (_, own, _) = await RunAsync("seasons", "list", "--species", "Grus monacha");
        Assert.Matches("Grus monacha\\s*│\\s*spring\\s*│\\s*03-01\\s*│\\s*05-31", own);
        Assert.Matches("Grus monacha\\s*│\\s*winter\\s*│\\s*12-10\\s*│\\s*02-20", own);
        Assert.DoesNotContain("(default)", own, StringComparison.Ordinal);

        var dir = Path.Combine(files.Folder, "report");
        var (report, _, reportErr) = await RunAsync("report", "connectivity", "--species", "Grus monacha", "--season", "winter", "--year", "2025", "--out", dir);
        Assert.True(report == 0, reportErr);
        using (var json = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(dir, "inputs.json"))))
        {
            var window = json.RootElement.GetProperty("window");
            Assert.Equal(("2024-12-10", "2025-02-20", "the seasons table, Grus monacha's own window"),
                (window.GetProperty("from").GetString(), window.GetProperty("to").GetString(), window.GetProperty("source").GetString()));
        }

        var (reset, resetOut, _) = await RunAsync("seasons", "reset", "--species", "Hooded Crane");
        Assert.Equal(0, reset);
        Assert.Contains("Grus monacha: 4 own window(s) deleted; the default windows apply.", resetOut, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--window", "13-01..02-20", "--window: '13-01..02-20' is not a window MM-DD..MM-DD")]
    [InlineData("--time-zone", "Mars/Olympus", "--time-zone: 'Mars/Olympus' is not a time zone")]
    [InlineData("--species", "Dodo", "--species: 'Dodo' is not in the species catalogue")]
    public async Task A_bad_window_zone_or_species_is_refused_and_nothing_changes(string option, string value, string message)
    {
        var args = new Dictionary<string, string> { ["--season"] = "autumn", ["--window"] = "09-01..11-30" };
        args[option] = value;

        var (code, _, stderr) = await RunAsync(["seasons", "set", .. args.SelectMany(a => new[] { a.Key, a.Value })]);

        Assert.Equal(1, code);
        Assert.Contains(message, stderr, StringComparison.Ordinal);
        Assert.Equal(0L, await sample.Db.ScalarAsync<long>("select count(*) from seasons where name = 'autumn' and start_md = '09-01'"));
    }
}
