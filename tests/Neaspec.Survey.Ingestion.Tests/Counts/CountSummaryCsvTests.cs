namespace Neaspec.Survey.Ingestion.Tests.Counts;

/// <summary>`neaspec counts summary --format csv` goes through the project's one CSV writer: a site code named
/// like a formula (a researcher's upload may create a provisional site with any code) reaches the analyst's
/// spreadsheet escaped, exactly as the error report escapes it. A database of its own, so each case's row is
/// the only one of its site.</summary>
public sealed class CountSummaryCsvTests(PostgisDatabase db) : IClassFixture<PostgisDatabase>, IDisposable
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
        var path = files.Write($"formula-{(int)value[0]}-{value.Length}.csv",
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
}
