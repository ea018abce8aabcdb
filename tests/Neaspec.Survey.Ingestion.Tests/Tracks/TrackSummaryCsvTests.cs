namespace Neaspec.Survey.Ingestion.Tests.Tracks;

/// <summary>`neaspec tracks summary --format csv` goes through the project's one CSV writer: an individual
/// named like a formula (from an uploaded file) reaches the analyst's spreadsheet escaped, exactly as the
/// error report escapes it. A database of its own, so the other CLI tests' summaries are not disturbed.</summary>
public sealed class TrackSummaryCsvTests(PostgisDatabase db) : IClassFixture<PostgisDatabase>, IDisposable
{
    private readonly TestFiles files = new();

    public void Dispose() => files.Dispose();

    private Task<(int Code, string Out, string Err)> Neaspec(params string[] args) =>
        NeaspecProcess.RunAsync(db.ConnectionString, args, psi => psi.WorkingDirectory = files.Folder);

    [Theory]
    [MemberData(nameof(FormulaCells.Cases), MemberType = typeof(FormulaCells))]
    public async Task Summary_csv_escapes_an_individual_that_a_spreadsheet_would_run_as_a_formula(string value, string escaped)
    {
        // The individual's name comes from an uploaded file and reaches an analyst's spreadsheet.
        var study = $"Formula {(int)value[0]}-{value.Length}";
        var quoted = "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        var path = files.Write($"formula-{(int)value[0]}-{value.Length}.csv",
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
