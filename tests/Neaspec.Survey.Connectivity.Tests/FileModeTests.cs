using System.Globalization;
using System.Text.Json;
using Neaspec.Survey.Connectivity;

namespace Neaspec.Survey.Connectivity.Tests;

public sealed class FileModeTests : IDisposable
{
    // One degree along the equator in km (R = 6371.0088 km).
    private const double DegreeKm = 2 * Math.PI * 6371.0088 / 360;
    private readonly string folder = Directory.CreateTempSubdirectory("neaspec-connectivity-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string File(string name, string text)
    {
        var path = Path.Combine(folder, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    private static Dictionary<string, double[]> ReadNodesCsv(string path)
    {
        var lines = System.IO.File.ReadAllLines(path);
        Assert.Equal("id,dPC,dPCintra,dPCflux,dPCconnector,dIIC,BC", lines[0]);
        return lines.Skip(1).Select(l => l.Split(',')).ToDictionary(
            f => f[0], f => f.Skip(1).Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray());
    }

    [Fact]
    public void Edges_file_chain_end_to_end()
    {
        var nodes = File("nodes.csv", "id,lon,lat,attribute,country\nA,126.5,37.4,1,KR\nB,121.0,31.0,2,CN\nC,118.0,24.5,3,CN\n");
        var edges = File("edges.csv", "from,to,p\nA,B,0.5\nB,C,0.4\n");
        var output = Path.Combine(folder, "out");

        var report = ConnectivityFiles.Run(new ConnectivityFileOptions { NodesPath = nodes, EdgesPath = edges, OutDirectory = output });

        Assert.True(report.Succeeded, string.Join("; ", report.Errors));
        // Chain A(1) -0.5- B(2) -0.4- C(3): PCnum = 14 + 2 (1 + 2.4 + 0.6) = 22 (see HandWorkedGraphTests).
        var b = ReadNodesCsv(Path.Combine(output, "nodes.csv"))["B"];
        Assert.Equal(100 * 12.0 / 22, b[0], 1e-9); // dPC
        Assert.Equal(100 * 4.0 / 22, b[1], 1e-9); // dPCintra
        Assert.Equal(100 * 6.8 / 22, b[2], 1e-9); // dPCflux
        Assert.Equal(100 * 1.2 / 22, b[3], 1e-9); // dPCconnector
        Assert.Equal(100 * 14.0 / 24, b[4], 1e-9); // dIIC
        Assert.Equal(1.2, b[5], 1e-9); // BC

        using var summary = JsonDocument.Parse(System.IO.File.ReadAllText(Path.Combine(output, "summary.json")));
        var root = summary.RootElement;
        Assert.Equal(22.0 / 36, root.GetProperty("PC").GetDouble(), 1e-12);
        Assert.Equal(Math.Sqrt(22), root.GetProperty("EC").GetDouble(), 1e-12);
        Assert.Equal(24.0 / 36, root.GetProperty("IIC").GetDouble(), 1e-12);
        Assert.Equal(14.0 / 22, root.GetProperty("PCintra").GetDouble(), 1e-12);
        Assert.Equal(6.8 / 22, root.GetProperty("PCdirect").GetDouble(), 1e-12);
        Assert.Equal(1.2 / 22, root.GetProperty("PCstep").GetDouble(), 1e-12);
        Assert.Equal(3, root.GetProperty("nodes").GetInt32());
        Assert.Equal(2, root.GetProperty("links").GetInt32());
        Assert.Equal(1, root.GetProperty("components").GetInt32());
        Assert.Equal(3.2 / 22, root.GetProperty("transboundaryShare").GetDouble(), 1e-12);
    }

    [Fact]
    public void Directed_edges_file_keeps_both_directions()
    {
        var nodes = File("nodes.csv", "id,lon,lat,attribute\nA,0,0,1\nB,1,0,2\n");
        var edges = File("edges.csv", "from,to,p\nA,B,0.6\nB,A,0.2\n");
        var output = Path.Combine(folder, "out");

        var report = ConnectivityFiles.Run(new ConnectivityFileOptions { NodesPath = nodes, EdgesPath = edges, Directed = true, OutDirectory = output });

        Assert.True(report.Succeeded, string.Join("; ", report.Errors));
        // 1 + 4 + 1.2 + 0.4 = 6.6; without A: 4.
        Assert.Equal(100 * 2.6 / 6.6, ReadNodesCsv(Path.Combine(output, "nodes.csv"))["A"][0], 1e-9);
    }

    [Fact]
    public void Undirected_edges_file_refuses_the_same_link_twice()
    {
        var nodes = File("nodes.csv", "id,lon,lat,attribute\nA,0,0,1\nB,1,0,2\n");
        var edges = File("edges.csv", "from,to,p\nA,B,0.6\nB,A,0.2\n");

        var report = ConnectivityFiles.Run(new ConnectivityFileOptions { NodesPath = nodes, EdgesPath = edges, OutDirectory = Path.Combine(folder, "out") });

        var error = Assert.Single(report.Errors);
        Assert.Equal(("edges.csv", 3), (error.File, error.Line));
        Assert.Contains("line 2", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_nodes_file_names_line_column_and_value_and_writes_nothing()
    {
        var nodes = File("nodes.csv", "id,lon,lat,attribute\nA,0,0,1\nB,1,91.5,2\nC,1,0,many\n\"D, quoted\",2,0,-1\nA,3,0,1\n");
        var output = Path.Combine(folder, "out");

        var report = ConnectivityFiles.Run(new ConnectivityFileOptions { NodesPath = nodes, DistancesKm = [100], OutDirectory = output });

        Assert.False(report.Succeeded);
        Assert.Equal(
            [
                new InputError("nodes.csv", 3, "lat", "91.5", "must be between -90 and 90"),
                new InputError("nodes.csv", 4, "attribute", "many", "not a number (use a dot as decimal separator)"),
                new InputError("nodes.csv", 5, "attribute", "-1", "must be >= 0"),
                new InputError("nodes.csv", 6, "id", "A", "the id is already used on line 2"),
            ],
            report.Errors);
        Assert.Equal("nodes.csv, line 3, column lat, value '91.5': must be between -90 and 90", report.Errors[0].ToString());
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public void Missing_column_and_unknown_site_are_reported()
    {
        var noLat = File("nolat.csv", "id,lon,attribute\nA,0,1\n");
        var report = ConnectivityFiles.Run(new ConnectivityFileOptions { NodesPath = noLat, DistancesKm = [100], OutDirectory = Path.Combine(folder, "o1") });
        var error = Assert.Single(report.Errors);
        Assert.Equal(("nolat.csv", 1, "lat"), (error.File, error.Line, error.Column));

        var nodes = File("nodes.csv", "id,lon,lat,attribute\nA,0,0,1\nB,1,0,2\n");
        var edges = File("edges.csv", "from,to,p\nA,Z,0.5\nA,B,1.5\n");
        report = ConnectivityFiles.Run(new ConnectivityFileOptions { NodesPath = nodes, EdgesPath = edges, OutDirectory = Path.Combine(folder, "o2") });
        Assert.Equal(
            [
                new InputError("edges.csv", 2, "to", "Z", "no site with this id in the nodes file"),
                new InputError("edges.csv", 3, "p", "1.5", "must be between 0 and 1"),
            ],
            report.Errors);
    }

    [Fact]
    public void Options_that_contradict_are_refused()
    {
        var nodes = File("nodes.csv", "id,lon,lat,attribute\nA,0,0,1\n");
        var report = ConnectivityFiles.Run(new ConnectivityFileOptions { NodesPath = nodes, OutDirectory = folder });
        Assert.Equal("--distance-km", Assert.Single(report.Errors).Column);

        report = ConnectivityFiles.Run(new ConnectivityFileOptions { NodesPath = Path.Combine(folder, "missing.csv"), DistancesKm = [50], Probability = 1.5, OutDirectory = folder });
        Assert.Equal(["--nodes", "--probability"], report.Errors.Select(e => e.Column));
    }

    [Fact]
    public void Several_distances_write_one_folder_each_and_a_combined_summary()
    {
        // Three sites a degree apart on the equator, weights 1.
        var nodes = File("nodes.csv", "id,lon,lat,attribute\nW,0,0,1\nM,1,0,1\nE,2,0,1\n");
        var output = Path.Combine(folder, "out");
        Assert.True(ConnectivityFiles.TryParseDistances($"{DegreeKm.ToString("R", CultureInfo.InvariantCulture)},250", out var distances, out _));

        var report = ConnectivityFiles.Run(new ConnectivityFileOptions { NodesPath = nodes, DistancesKm = distances, OutDirectory = output });

        Assert.True(report.Succeeded, string.Join("; ", report.Errors));
        Assert.Equal(2, report.Runs.Count);
        Assert.True(System.IO.File.Exists(Path.Combine(output, "d250km", "nodes.csv")));
        using var combined = JsonDocument.Parse(System.IO.File.ReadAllText(Path.Combine(output, "summary.json")));
        var runs = combined.RootElement.GetProperty("runs").EnumerateArray().ToArray();
        Assert.Equal(["d" + DegreeKm.ToString(CultureInfo.InvariantCulture) + "km", "d250km"], runs.Select(r => r.GetProperty("folder").GetString()));

        // d0 = one degree: p = 0.5 and 0.25, PCnum = 3 + 2 (0.5 + 0.5 + 0.25) = 5.5, PC = 5.5 / 9.
        Assert.Equal(5.5 / 9, runs[0].GetProperty("PC").GetDouble(), 1e-12);
        // d0 = 250 km: p = 0.5^(d / 250) for d = one and two degrees.
        var p1 = Math.Pow(0.5, DegreeKm / 250);
        var p2 = Math.Pow(0.5, 2 * DegreeKm / 250);
        Assert.Equal((3 + (2 * (p1 + p1 + p2))) / 9, runs[1].GetProperty("PC").GetDouble(), 1e-12);
        // Distance decay links every pair; for IIC only d <= d0: at one degree W-E (two degrees) is not linked,
        // at 250 km all three pairs (222 km apart at most) are.
        Assert.Equal(3, runs[1].GetProperty("links").GetInt32());
        Assert.Equal(2, runs[0].GetProperty("iicLinks").GetInt32());
        Assert.Equal(3, runs[1].GetProperty("iicLinks").GetInt32());
        Assert.Equal((3 + 6.0 / 2) / 9, runs[1].GetProperty("IIC").GetDouble(), 1e-12);
    }

    [Theory]
    [InlineData("50,100,250,500", true)]
    [InlineData("100", true)]
    [InlineData("100,abc", false)]
    [InlineData("0", false)]
    [InlineData("100,100", false)]
    public void Distance_lists(string text, bool valid)
    {
        Assert.Equal(valid, ConnectivityFiles.TryParseDistances(text, out var distances, out var error));
        Assert.Equal(valid, error is null);
        if (valid)
        {
            Assert.Equal(text.Split(',').Select(x => double.Parse(x, CultureInfo.InvariantCulture)), distances);
        }
    }
}
