using System.Diagnostics;
using Neaspec.Survey.Ingestion.Tests.Sites;
using Neaspec.Survey.Testing;

namespace Neaspec.Survey.Ingestion.Tests.Cli;

/// <summary>The neaspec program as a user runs it: exit codes, messages, and never a stack trace.</summary>
public sealed class CliTests : IClassFixture<PostgisDatabase>, IDisposable
{
    private readonly PostgisDatabase db;
    private readonly TestFiles files = new();

    public CliTests(PostgisDatabase db) => this.db = db;

    public void Dispose() => files.Dispose();

    internal static Task<(int Code, string Out, string Err)> RunAsync(string connection, params string[] args) =>
        RunWithEnvironmentAsync(null, ["--connection", connection, .. args]);

    internal static Task<(int Code, string Out, string Err)> RunWithEnvironmentAsync(string? environmentConnection, params string[] args) =>
        NeaspecProcess.RunAsync(null, args, psi =>
        {
            psi.Environment.Remove("NEASPEC_ConnectionStrings__Survey");
            if (environmentConnection is not null)
            {
                psi.Environment["NEASPEC_ConnectionStrings__Survey"] = environmentConnection;
            }
        });

    [Fact]
    public async Task Sample_data_imports_and_the_csv_summary_has_the_documented_columns()
    {
        var samples = Path.Combine(TestFiles.RepoRoot(), "data-samples");
        Assert.Equal(0, (await RunAsync(db.ConnectionString, "sites", "import", Path.Combine(samples, "sites.csv"))).Code);
        var import = await RunAsync(db.ConnectionString, "counts", "import", Path.Combine(samples, "crane-counts-2024-2025.csv"));
        Assert.True(import.Code == 0, import.Err);

        var (code, stdout, _) = await RunAsync(db.ConnectionString, "counts", "summary", "--species", "재두루미", "--country", "KR", "--format", "csv");

        Assert.Equal(0, code);
        var lines = stdout.Trim().Split('\n');
        Assert.Equal("country,site_code,species,surveys,total", lines[0]);
        // Cheorwon's White-naped Crane counts in the sample file: 4120 + 3870 + 3420.
        Assert.Contains("KR,KR-CWN,Antigone vipio,3,11410", lines);
    }

    [Fact]
    public async Task A_bad_file_exits_1_with_line_errors_and_no_stack_trace()
    {
        var path = files.Write("bad.csv", "site_code,date,species,count\nKR-SCB,2025-01-12,저어새,abc\n");

        var (code, _, stderr) = await RunAsync(db.ConnectionString, "counts", "import", path);

        Assert.Equal(1, code);
        Assert.Contains("bad.csv", stderr, StringComparison.Ordinal);
        Assert.Contains("abc", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_rejected_file_gets_the_clis_own_ways_out_a_report_and_a_hint_when_it_is_another_kind()
    {
        var counts = files.Write("partly-bad.csv", "site_code,country,latitude,longitude,date,species,count\n" +
            "T-CLI,KR,42.0,129.5,2025-01-01,Platalea minor,3\nT-CLI,KR,42.0,129.5,2025-01-02,Platalea minor,lots\n");
        var tracks = files.Write("gps.csv", "event-id,timestamp,location-long,location-lat,individual-local-identifier\n" +
            "1,2024-10-01 00:00:00.000,127.2,38.2,GM-01\n");

        var partly = await RunAsync(db.ConnectionString, "counts", "import", counts);
        var wrongCommand = await RunAsync(db.ConnectionString, "counts", "import", tracks);

        Assert.Equal(1, partly.Code);
        // The importer's message names no option; the CLI adds its own.
        Assert.Contains("load the good rows with --accept-partial", partly.Err, StringComparison.Ordinal);
        Assert.Contains($"error report: {counts}.errors.csv", partly.Err, StringComparison.Ordinal);
        Assert.True(File.Exists(counts + ".errors.csv"));
        Assert.Equal(1, wrongCommand.Code);
        Assert.Contains("hint: by its header this is a Movebank tracks file: neaspec tracks import FILE", wrongCommand.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_database_is_one_line_with_a_hint()
    {
        var (code, _, stderr) = await RunAsync("Host=127.0.0.1;Port=1;Username=x;Database=y", "imports", "list");

        Assert.Equal(2, code);
        Assert.Contains("scripts/postgis start", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_file_is_named()
    {
        var (code, _, stderr) = await RunAsync(db.ConnectionString, "counts", "import", "/nonexistent/census.csv");

        Assert.NotEqual(0, code);
        Assert.Contains("census.csv", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_environment_overrides_appsettings_and_the_option_overrides_the_environment()
    {
        const string Unreachable = "Host=127.0.0.1;Port=1;Username=x;Database=y";
        // appsettings.json names the local cluster on 55432 with database "neaspec"; the environment wins over it...
        var fromEnvironment = await RunWithEnvironmentAsync(Unreachable, "imports", "list");
        Assert.Equal(2, fromEnvironment.Code);
        Assert.Contains("127.0.0.1:1", fromEnvironment.Err, StringComparison.Ordinal);
        // ...and --connection wins over the environment.
        var fromOption = await RunWithEnvironmentAsync(Unreachable, "--connection", db.ConnectionString, "imports", "list");
        Assert.True(fromOption.Code == 0, fromOption.Err);
    }

    [Fact]
    public async Task Imports_show_lists_the_row_errors_of_a_rejected_file()
    {
        var path = files.Write("rejected.csv", "site_code,date,species,count\nKR-SCB,2025-01-12,저어새,-7\n");
        await RunAsync(db.ConnectionString, "counts", "import", path);
        var id = await db.ScalarAsync<long>("select max(id) from imports where original_name = 'rejected.csv'");

        var (code, stdout, _) = await RunAsync(db.ConnectionString, "imports", "show", id.ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(0, code);
        Assert.Contains("rejected", stdout, StringComparison.Ordinal);
        Assert.Contains("must not be negative", stdout, StringComparison.Ordinal);
        Assert.Contains("-7", stdout, StringComparison.Ordinal);
    }
}
