namespace Neaspec.Survey.Ingestion.Tests.Cli;

/// <summary>`neaspec counts summary` and `neaspec tracks summary` with <c>--format csv</c> go through the
/// project's one CSV writer: a site code or an individual named like a formula (from a researcher's upload)
/// reaches the analyst's spreadsheet escaped, exactly as the error report escapes it. A database of its own,
/// so the other CLI tests' summaries are not disturbed and each case's row is the only one of its site.</summary>
public sealed class SummaryCsvTests(PostgisDatabase db) : IClassFixture<PostgisDatabase>, IDisposable
{
    private readonly TestFiles files = new();

    public void Dispose() => files.Dispose();

    private Task<(int Code, string Out, string Err)> Neaspec(params string[] args) =>
        NeaspecProcess.RunAsync(db.ConnectionString, args, psi => psi.WorkingDirectory = files.Folder);

    [Theory]
    [MemberData(nameof(FormulaCells.Cases), MemberType = typeof(FormulaCells))]
    public async Task Summary_csv_escapes_a_site_code_that_a_spreadsheet_would_run_as_a_formula(string value, string escaped)
    {
        // Each case's provisional site half a degree of latitude from the others ('=' 61, '+' 43, '-' 45, '@' 64:
        // 61 % 20 = 1, 43 % 20 = 3, 45 % 20 = 5, 64 % 20 = 4), far beyond the 2 km that would make it a duplicate.
        var latitude = 30 + (value[0] % 20 * 0.5);
        var quoted = "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        var path = files.Write($"formula-site-{(int)value[0]}-{value.Length}.csv",
            "site_code,country,latitude,longitude,date,species,count\n" +
            FormattableString.Invariant($"{quoted},KR,{latitude:0.0},127.0,2024-12-01,Platalea minor,{value.Length}\n"));
        var import = await Neaspec("counts", "import", path);
        Assert.True(import.Code == 0, import.Err);

        var csv = await Neaspec("counts", "summary", "--format", "csv");

        Assert.Equal(0, csv.Code);
        var lines = csv.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("country,site_code,species,surveys,total", lines[0]);
        // One survey of value.Length birds at that site, the numbers as they are.
        Assert.Contains(FormattableString.Invariant($"KR,{escaped},Platalea minor,1,{value.Length}"), lines);
        Assert.DoesNotContain(lines, l => l.Contains("," + value, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(FormulaCells.Cases), MemberType = typeof(FormulaCells))]
    public async Task Summary_csv_escapes_an_individual_that_a_spreadsheet_would_run_as_a_formula(string value, string escaped)
    {
        // The individual's name comes from an uploaded file and reaches an analyst's spreadsheet.
        var study = $"Formula {(int)value[0]}-{value.Length}";
        var quoted = "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        var path = files.Write($"formula-individual-{(int)value[0]}-{value.Length}.csv",
            "event-id,timestamp,location-long,location-lat,individual-local-identifier,study-name\n" +
            $"1,2024-10-01 00:00:00.000,127.2,38.2,{quoted},{study}\n");
        Assert.Equal(0, (await Neaspec("tracks", "import", path)).Code);

        var csv = await Neaspec("tracks", "summary", "--study", study, "--format", "csv");

        Assert.Equal(0, csv.Code);
        var lines = csv.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("study,individual,taxon,fixes,flagged,first,last", lines[0]);
        Assert.Equal($"{study},{escaped},,1,0,2024-10-01 00:00:00.000,2024-10-01 00:00:00.000", Assert.Single(lines[1..]));
    }
}
