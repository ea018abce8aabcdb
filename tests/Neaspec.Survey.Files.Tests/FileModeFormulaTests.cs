using Neaspec.Survey.Files.Connectivity;

namespace Neaspec.Survey.Files.Tests;

/// <summary>File mode's nodes.csv goes through <see cref="CsvOutput"/>: a site id from the user's file that a
/// spreadsheet would run as a formula arrives escaped, the numbers beside it stay numbers.</summary>
public sealed class FileModeFormulaTests : IDisposable
{
    private readonly TestFiles files = new();

    public void Dispose() => files.Dispose();

    [Theory]
    [MemberData(nameof(FormulaCells.Cases), MemberType = typeof(FormulaCells))]
    public void A_formula_site_id_is_escaped_in_nodes_csv(string id, string escaped)
    {
        // Two sites of weight 1 and 3 on the equator, the quoted id as the nodes file holds it (RFC 4180).
        var quoted = "\"" + id.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
        var nodes = files.Write("nodes.csv", $"id,lon,lat,attribute\n{quoted},0,0,1\nB,1,0,3\n");
        var output = Path.Combine(files.Folder, "out");

        var report = ConnectivityFiles.Run(new ConnectivityFileOptions { NodesPath = nodes, DistancesKm = [100], OutDirectory = output });

        Assert.True(report.Succeeded, string.Join("; ", report.Errors));
        var lines = File.ReadAllLines(Path.Combine(output, "nodes.csv"));
        var row = Assert.Single(lines, l => l.StartsWith(escaped + ",", StringComparison.Ordinal));
        // The rest of the row is six plain numbers, none escaped.
        var numbers = row[(escaped.Length + 1)..].Split(',');
        Assert.Equal(6, numbers.Length);
        Assert.All(numbers, n => Assert.True(double.TryParse(n, System.Globalization.CultureInfo.InvariantCulture, out _), n));
        Assert.Contains(lines, l => l.StartsWith("B,", StringComparison.Ordinal));
    }
}
