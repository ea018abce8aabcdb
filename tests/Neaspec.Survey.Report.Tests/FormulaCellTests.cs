using Neaspec.Survey.Ingestion.Ledger;

namespace Neaspec.Survey.Report.Tests;

/// <summary>
/// Every CSV the report writes goes through the project's one CSV writer: a species, site code, site name or
/// country that a spreadsheet would run as a formula (uploaded by a researcher, read by an analyst) arrives
/// escaped exactly as the import error report escapes it, and the numbers beside it stay numbers (issue 16).
/// </summary>
public sealed class FormulaCellTests : IDisposable
{
    private readonly TestFiles files = new();

    public void Dispose() => files.Dispose();

    /// <summary>A report whose species is <paramref name="value"/>, with site A named <paramref name="value"/> in
    /// country <paramref name="value"/>, and site B (in KR) whose code is <paramref name="value"/>; one run, d0 = 100 km.</summary>
    private static async Task<string> WriteReportAsync(string value, string folder)
    {
        var sites = new Dictionary<string, ReportSite>(StringComparer.Ordinal)
        {
            ["A"] = new("A", new Dictionary<string, string> { ["en"] = value }, value, 127.5, 34.9),
            [value] = new(value, new Dictionary<string, string> { ["en"] = "B" }, "KR", 127.2, 38.2),
        };
        CountUsed[] counts =
        [
            new("A", new DateOnly(2025, 1, 12), null, 100, null, "f.csv", "ab", 2),
            new(value, new DateOnly(2025, 1, 12), null, 50, null, "f.csv", "ab", 3),
        ];
        var request = SampleDatabase.HoodedCrane() with { DistancesKm = [100] };
        var inputs = ConnectivityInputs.Create(request, TelemetrySample.Winter2025, value, "Hooded Crane", sites, counts, []).Inputs!;
        await ReportFiles.WriteAsync(ConnectivityReport.Compute(inputs), folder);
        return folder;
    }

    [Theory]
    [MemberData(nameof(FormulaCells.Cases), MemberType = typeof(FormulaCells))]
    public async Task Nodes_csv_escapes_species_site_code_site_name_and_country(string value, string escaped)
    {
        var folder = await WriteReportAsync(value, Path.Combine(files.Folder, "nodes"));

        var lines = await File.ReadAllLinesAsync(Path.Combine(folder, "nodes.csv"));

        // Site A: name and country are the value; site B: the code is.
        var a = Assert.Single(lines, l => l.StartsWith($"{escaped},winter,2025,100,A,{escaped},{escaped},", StringComparison.Ordinal));
        Assert.Single(lines, l => l.StartsWith($"{escaped},winter,2025,100,{escaped},B,KR,", StringComparison.Ordinal));
        // longitude, latitude, weight, rank and the six indices of A are plain numbers; then candidate (false) and, as
        // the report has no telemetry, empty tagged_birds and unvisited_by_tagged_birds; then the eight interval
        // columns, empty for distance decay (no birds to resample).
        var numbers = a[$"{escaped},winter,2025,100,A,{escaped},{escaped},".Length..].Split(',');
        Assert.Equal(["127.5", "34.9", "100", "1"], numbers[..4]);
        Assert.Equal(21, numbers.Length);
        Assert.Equal(["false", "", ""], numbers[10..13]);
        Assert.All(numbers[13..], n => Assert.Equal("", n));
    }

    [Theory]
    [MemberData(nameof(FormulaCells.Cases), MemberType = typeof(FormulaCells))]
    public async Task Country_pairs_csv_escapes_species_and_countries(string value, string escaped)
    {
        var folder = await WriteReportAsync(value, Path.Combine(files.Folder, "pairs"));

        var lines = await File.ReadAllLinesAsync(Path.Combine(folder, "country_pairs.csv"));

        // The library compares countries in upper case (ISO codes); escaping leaves the case alone.
        var country = escaped.ToUpperInvariant();
        // Undirected: the pair of countries is split in halves (value, KR) and (KR, value), plus both diagonals.
        Assert.Single(lines, l => l.StartsWith($"{escaped},winter,2025,100,{country},KR,", StringComparison.Ordinal));
        Assert.Single(lines, l => l.StartsWith($"{escaped},winter,2025,100,KR,{country},", StringComparison.Ordinal));
        Assert.Equal(1 + 4, lines.Length);
    }

    [Theory]
    [MemberData(nameof(FormulaCells.Cases), MemberType = typeof(FormulaCells))]
    public async Task Summary_csv_escapes_the_species(string value, string escaped)
    {
        var folder = await WriteReportAsync(value, Path.Combine(files.Folder, "summary"));

        var lines = await File.ReadAllLinesAsync(Path.Combine(folder, "summary.csv"));

        // One run; p0 = 0.5 and the counts of nodes, links and components as numbers.
        var row = Assert.Single(lines[1..]);
        Assert.StartsWith($"{escaped},winter,2025,100,0.5,", row, StringComparison.Ordinal);
        // The two sites are 370 km apart, beyond d0: one distance-decay link, none for IIC, so two components; the links
        // from distance decay, A_L the sum of the weights 100 + 50; then the 16 columns of intervals, reachability and
        // the bootstrap, empty for distance decay.
        Assert.EndsWith(",2,1,2,distance decay,150" + new string(',', 16), row, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(FormulaCells.Cases), MemberType = typeof(FormulaCells))]
    public void The_import_error_report_escapes_the_same_value_the_same_way(string value, string escaped)
    {
        var path = ErrorReport.Write(Path.Combine(files.Folder, "upload.csv"), [new RowError(2, "site_name", value, "a reason")], files.Folder);

        var row = File.ReadAllLines(path)[1];

        Assert.Equal($"upload.csv,2,site_name,{escaped},a reason", row);
    }
}
