using System.Globalization;
using System.Text.RegularExpressions;
using Neaspec.Survey.Connectivity;
using Neaspec.Survey.Testing;
using Npgsql;

namespace Neaspec.Survey.Report.Tests;

/// <summary>
/// The numbers a report writes (nodes.csv, the HTML tables, the PostGIS rows, summary.csv, country_pairs.csv)
/// equal what <see cref="ConnectivityAnalysis"/> gives for the same nodes, read off the sample file by hand.
/// </summary>
public sealed partial class ReportNumbersTests : IClassFixture<SampleDatabase>, IDisposable
{
    private const double Tolerance = 1e-9;
    private readonly SampleDatabase sample;
    private readonly TestFiles files = new();

    public ReportNumbersTests(SampleDatabase sample) => this.sample = sample;

    public void Dispose() => files.Dispose();

    private static Dictionary<string, NodeConnectivity> Library(double distanceKm, out ConnectivityResult result)
    {
        result = ConnectivityAnalysis.Run(new DistanceDecay(distanceKm).Build(SampleDatabase.HoodedCraneWinter2025));
        return result.PerNode.ToDictionary(v => v.Id, StringComparer.Ordinal);
    }

    private static void Near(double expected, double actual, string what) =>
        Assert.True(Math.Abs(expected - actual) <= Tolerance * Math.Max(1, Math.Abs(expected)), $"{what}: expected {expected}, got {actual}");

    private static double D(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_nodes_are_the_peak_counts_of_the_season_window()
    {
        var report = await sample.ReportAsync(SampleDatabase.HoodedCrane());

        var expected = SampleDatabase.HoodedCraneWinter2025.OrderBy(n => n.Id, StringComparer.Ordinal).ToArray();
        Assert.Equal(expected, report.Inputs.Nodes);
        Assert.Equal(new double[] { 50, 100, 250, 500 }, report.Runs.Select(r => r.DistanceKm!.Value));
        Assert.Contains(report.Inputs.Counts, c => c.SiteCode == "KR-SCB" && c.Individuals is null);
        Assert.DoesNotContain(report.Inputs.Counts, c => c.SiteCode == "KP-MUN");
    }

    [Fact]
    public async Task Nodes_csv_summary_and_country_pairs_equal_the_library()
    {
        var report = await sample.ReportAsync(SampleDatabase.HoodedCrane());
        await ReportFiles.WriteAsync(report, files.Folder);

        var lines = File.ReadAllLines(Path.Combine(files.Folder, "nodes.csv"));
        var header = lines[0].Split(',');
        int Col(string name) => Array.IndexOf(header, name);
        Assert.Equal(1 + (4 * 5), lines.Length);
        foreach (var line in lines.Skip(1))
        {
            var f = line.Split(',');
            var expected = Library(D(f[Col("distance_km")]), out _)[f[Col("site_code")]];
            Near(expected.DPC, D(f[Col("dPC")]), "dPC " + f[Col("site_code")]);
            Near(expected.DPCintra, D(f[Col("dPCintra")]), "dPCintra");
            Near(expected.DPCflux, D(f[Col("dPCflux")]), "dPCflux");
            Near(expected.DPCconnector, D(f[Col("dPCconnector")]), "dPCconnector");
            Near(expected.DIIC, D(f[Col("dIIC")]), "dIIC");
            Near(expected.BC, D(f[Col("BC")]), "BC");
        }

        var summary = File.ReadAllLines(Path.Combine(files.Folder, "summary.csv"));
        var sh = summary[0].Split(',');
        foreach (var line in summary.Skip(1))
        {
            var f = line.Split(',');
            Library(D(f[Array.IndexOf(sh, "distance_km")]), out var r);
            Near(r.PC, D(f[Array.IndexOf(sh, "PC")]), "PC");
            Near(r.EC, D(f[Array.IndexOf(sh, "EC")]), "EC");
            Near(r.IIC, D(f[Array.IndexOf(sh, "IIC")]), "IIC");
            Near(r.CountryPairs!.TransboundaryShare, D(f[Array.IndexOf(sh, "transboundary_share")]), "transboundary share");
        }

        var pairs = File.ReadAllLines(Path.Combine(files.Folder, "country_pairs.csv")).Skip(1).Select(l => l.Split(',')).ToArray();
        Library(500, out var at500);
        foreach (var pair in at500.CountryPairs!.Pairs)
        {
            var row = Assert.Single(pairs, p => p[3] == "500" && p[4] == pair.From && p[5] == pair.To);
            Near(pair.Share, D(row[7]), $"share {pair.From}-{pair.To}");
        }
    }

    [Fact]
    public async Task The_html_tables_hold_the_library_numbers()
    {
        var report = await sample.ReportAsync(SampleDatabase.HoodedCrane());
        var html = await HtmlReport.RenderAsync(report);

        foreach (var run in report.Runs)
        {
            var expected = Library(run.DistanceKm!.Value, out var result);
            var table = RankingTable().Match(html[html.IndexOf($"<table class=\"ranking\" data-run=\"{run.Key}\"", StringComparison.Ordinal)..]).Value;
            var rows = RankingRow().Matches(table);
            Assert.Equal(5, rows.Count);
            foreach (Match row in rows)
            {
                var site = row.Groups["site"].Value;
                var cells = ValueCell().Matches(row.Value).ToDictionary(m => m.Groups["col"].Value, m => D(m.Groups["value"].Value));
                Near(expected[site].DPC, cells["dPC"], $"{run.Key} {site} dPC");
                Near(expected[site].DPCintra, cells["dPCintra"], "dPCintra");
                Near(expected[site].DPCflux, cells["dPCflux"], "dPCflux");
                Near(expected[site].DPCconnector, cells["dPCconnector"], "dPCconnector");
            }
            var ec = Regex.Match(html, $"<tr data-run=\"{run.Key}\">.*?data-col=\"EC\" data-value=\"(?<v>[^\"]+)\"");
            Near(result.EC, D(ec.Groups["v"].Value), $"{run.Key} EC");
        }
        // The ranking is by dPC: Izumi holds most of the birds.
        Assert.Matches("<tr data-site=\"JP-IZM\"><td>1</td>", html);
    }

    [Fact]
    public async Task The_postgis_rows_hold_the_library_numbers()
    {
        var report = await sample.ReportAsync(SampleDatabase.HoodedCrane());
        await ReportViews.RefreshAsync(sample.Db.Database, report);

        await using var conn = await sample.Db.Database.DataSource.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand("""
            select distance_km, site_code, dpc, dpc_intra, dpc_flux, dpc_connector, diic, bc, st_x(geom), st_y(geom)
            from report_site_connectivity where species = 'Grus monacha' and season = 'winter' and year = 2025
            """, conn);
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = 0;
        var nodes = SampleDatabase.HoodedCraneWinter2025.ToDictionary(n => n.Id);
        while (await reader.ReadAsync())
        {
            rows++;
            var site = reader.GetString(1);
            var expected = Library(reader.GetDouble(0), out _)[site];
            Near(expected.DPC, reader.GetDouble(2), $"{site} dpc");
            Near(expected.DPCintra, reader.GetDouble(3), "dpc_intra");
            Near(expected.DPCflux, reader.GetDouble(4), "dpc_flux");
            Near(expected.DPCconnector, reader.GetDouble(5), "dpc_connector");
            Near(expected.DIIC, reader.GetDouble(6), "diic");
            Near(expected.BC, reader.GetDouble(7), "bc");
            Assert.Equal(nodes[site].Longitude, reader.GetDouble(8), 9);
            Assert.Equal(nodes[site].Latitude, reader.GetDouble(9), 9);
        }
        Assert.Equal(4 * 5, rows);
    }

    [GeneratedRegex("<table class=\"ranking\".*?</table>", RegexOptions.Singleline)]
    private static partial Regex RankingTable();

    [GeneratedRegex("<tr data-site=\"(?<site>[^\"]+)\">.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex RankingRow();

    [GeneratedRegex("data-col=\"(?<col>[^\"]+)\" data-value=\"(?<value>[^\"]+)\"")]
    private static partial Regex ValueCell();
}
