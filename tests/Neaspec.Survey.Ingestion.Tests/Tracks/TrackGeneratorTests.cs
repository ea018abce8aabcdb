using Neaspec.Survey.Testing;
using Neaspec.Survey.Ingestion.Tracks;

namespace Neaspec.Survey.Ingestion.Tests.Tracks;

public sealed class TrackGeneratorTests : IDisposable
{
    private readonly TestFiles files = new();

    [Fact]
    public void The_same_seed_writes_the_same_bytes_and_another_seed_other_bytes()
    {
        var a = Path.Combine(files.Folder, "a.csv");
        var b = Path.Combine(files.Folder, "b.csv");
        var c = Path.Combine(files.Folder, "c.csv");
        TrackGenerator.Write(a, 20_000, seed: 3);
        TrackGenerator.Write(b, 20_000, seed: 3);
        TrackGenerator.Write(c, 20_000, seed: 4);

        Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
        Assert.NotEqual(File.ReadAllBytes(a), File.ReadAllBytes(c));
    }

    [Fact]
    public void It_writes_the_asked_number_of_rows_inside_the_flyway()
    {
        var path = Path.Combine(files.Folder, "n.csv");
        TrackGenerator.Write(path, 43_801); // a year of hourly fixes per individual: 6 individuals, one per flyway

        var rows = File.ReadLines(path).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(43_801, rows.Count);
        Assert.Equal(TrackGenerator.Header, File.ReadLines(path).First());
        // Sites lie between 22.49N (Mai Po) and 49.9N, 110.5E (Khurkh) and 132.4E (Khanka); spikes add up to
        // 2.5 degrees, the scatter of a stay 0.025.
        foreach (var r in rows.Where(r => r[3].Length > 0))
        {
            var lon = double.Parse(r[3], System.Globalization.CultureInfo.InvariantCulture);
            var lat = double.Parse(r[4], System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(lon, 110.5 - 2.6, 132.4 + 0.1);
            Assert.InRange(lat, 22.49 - 0.1, 49.9 + 2.6);
        }
        Assert.Contains(rows, r => r[10] == "\"Grus vipio\"");
        Assert.Contains(rows, r => r[10] == "\"Platalea minor\"");
    }

    public void Dispose() => files.Dispose();
}
