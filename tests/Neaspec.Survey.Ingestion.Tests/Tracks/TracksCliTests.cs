using System.Diagnostics;
using Neaspec.Survey.Testing;

namespace Neaspec.Survey.Ingestion.Tests.Tracks;

/// <summary>The `neaspec tracks` commands as a user runs them: a separate process, its exit code and what it
/// prints. Bad input must read as one clear message, never a stack trace.</summary>
public sealed class TracksCliTests(PostgisDatabase db) : IClassFixture<PostgisDatabase>, IDisposable
{
    private readonly TestFiles files = new();

    private Task<(int Code, string Out, string Err)> Neaspec(params string[] args) =>
        NeaspecProcess.RunAsync(db.ConnectionString, args, psi => psi.WorkingDirectory = files.Folder);

    private static void NoStackTrace(string text) =>
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);

    [Fact]
    public async Task Import_prints_a_summary_a_rerun_says_nothing_to_do_and_summary_writes_csv()
    {
        var fishers = TestFiles.Data("tracks/fishers-lapoint-newyork.csv.gz");

        var first = await Neaspec("tracks", "import", fishers);
        Assert.Equal(0, first.Code);
        Assert.Matches(@"fixes stored\s+32,904", first.Out);
        Assert.Matches(@"rows without a fix\s+14,443", first.Out);

        var again = await Neaspec("tracks", "import", fishers);
        Assert.Equal(0, again.Code);
        Assert.Contains("nothing to do", again.Out, StringComparison.Ordinal);

        var csv = await Neaspec("tracks", "summary", "--format", "csv");
        Assert.Equal(0, csv.Code);
        var lines = csv.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("study,individual,taxon,fixes,flagged,first,last", lines[0]);
        // M5: 13,099 fixes in the raw file (see TrackImportTests), none flagged.
        Assert.Contains(lines, l => l.StartsWith("Martes pennanti LaPoint New York,M5,Martes pennanti,13099,0,", StringComparison.Ordinal));
        Assert.Equal(1 + 8, lines.Length);
    }

    [Fact]
    public async Task A_bad_file_is_one_clear_error_with_file_line_column_and_value()
    {
        var path = files.Write("bad-cli.csv",
            "event-id,timestamp,location-long,location-lat,individual-local-identifier,study-name\n" +
            "1,2024-01-10 00:00:00.000,127.5,34.85,HC-1,Cli\n" +
            "2,10/01/2024 01:00,127.51,34.86,HC-1,Cli\n");

        var (exit, stdout, stderr) = await Neaspec("tracks", "import", path);

        Assert.Equal(1, exit);
        Assert.Contains("bad-cli.csv: line 3, column timestamp = '10/01/2024 01:00'", stderr, StringComparison.Ordinal);
        Assert.Contains("nothing stored", stderr, StringComparison.Ordinal);
        NoStackTrace(stdout + stderr);
    }

    [Fact]
    public async Task A_missing_file_or_unreadable_gzip_is_one_line_not_a_stack_trace()
    {
        var missing = await Neaspec("tracks", "import", Path.Combine(files.Folder, "nope.csv"));
        Assert.Equal(2, missing.Code);
        Assert.Contains("nope.csv", missing.Err, StringComparison.Ordinal);
        NoStackTrace(missing.Err);

        var broken = files.WriteBytes("broken.csv.gz", [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3]);
        var gz = await Neaspec("tracks", "import", broken);
        Assert.Equal(1, gz.Code);
        Assert.Contains("broken.csv.gz: the gzip file holds no text", gz.Err, StringComparison.Ordinal);

        // A gzip whose deflate data is corrupt half-way: the first member is good, then garbage.
        var good = Path.Combine(files.Folder, "good.csv.gz");
        Ingestion.Tracks.TrackGenerator.Write(good, 2000);
        var bytes = File.ReadAllBytes(good);
        for (var i = bytes.Length / 2; i < bytes.Length - 8; i++)
        {
            bytes[i] = 0x55;
        }
        var corrupt = await Neaspec("tracks", "import", files.WriteBytes("corrupt.csv.gz", bytes));
        Assert.Equal(1, corrupt.Code);
        // Depending on where the damage falls the stream ends early (a cut line) or fails to inflate: both
        // are a rejected file, named, with nothing stored.
        Assert.Contains("corrupt.csv.gz: ", corrupt.Err, StringComparison.Ordinal);
        Assert.Contains("nothing stored", corrupt.Err, StringComparison.Ordinal);
        NoStackTrace(corrupt.Err);
        NoStackTrace(gz.Err);
    }

    [Fact]
    public async Task Generate_writes_the_asked_rows()
    {
        var path = Path.Combine(files.Folder, "gen.csv");

        var (exit, _, _) = await Neaspec("tracks", "generate", "--fixes", "500", "--out", path, "--seed", "9");

        Assert.Equal(0, exit);
        Assert.Equal(501, File.ReadLines(path).Count());
    }

    public void Dispose() => files.Dispose();
}
