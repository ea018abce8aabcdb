using System.Globalization;
using System.Text;
using Neaspec.Survey.Ingestion.Tracks;
using Neaspec.Survey.Storage.Model;

namespace Neaspec.Survey.Report.Tests;

/// <summary>The report reads the species' fixes of the season window from the fixes table.</summary>
public sealed class TelemetryFromDatabaseTests : IClassFixture<SampleDatabase>
{
    private readonly SampleDatabase sample;

    public TelemetryFromDatabaseTests(SampleDatabase sample) => this.sample = sample;

    /// <summary>Hourly fixes for <paramref name="hours"/> hours at a point (within a few hundred metres).</summary>
    private static IEnumerable<string> Stay(string individual, string taxon, DateTime from, int hours, double lat, double lon, ref long eventId)
    {
        var rows = new List<string>();
        for (var h = 0; h < hours; h++)
        {
            rows.Add(string.Create(CultureInfo.InvariantCulture,
                $"{eventId++},true,{from.AddHours(h):yyyy-MM-dd HH:mm:ss.fff},{lon + 0.001 * (h % 3)},{lat},{taxon},{individual},Report telemetry test"));
        }
        return rows;
    }

    [Fact]
    public async Task Links_come_from_the_stopovers_of_the_species_in_the_window()
    {
        long id = 1;
        var csv = new StringBuilder("event-id,visible,timestamp,location-long,location-lat,individual-taxon-canonical-name,individual-local-identifier,study-name\n");
        // A Hooded Crane in winter 2025: two days at Suncheon Bay, two at Cheorwon, two back at Suncheon Bay.
        var t = new DateTime(2024, 12, 5, 0, 0, 0, DateTimeKind.Utc);
        foreach (var row in Stay("HC-T1", "Grus monacha", t, 48, 34.88, 127.51, ref id)) { csv.Append(row).Append('\n'); }
        foreach (var row in Stay("HC-T1", "Grus monacha", t.AddHours(56), 48, 38.25, 127.22, ref id)) { csv.Append(row).Append('\n'); }
        foreach (var row in Stay("HC-T1", "Grus monacha", t.AddHours(112), 48, 34.88, 127.51, ref id)) { csv.Append(row).Append('\n'); }
        // The same moves by a White-naped Crane, and by the Hooded Crane in November (outside the window),
        // must not count: to Izumi and back would add links from and to JP-IZM.
        foreach (var row in Stay("WNC-T2", "Grus vipio", t, 48, 32.125, 130.27, ref id)) { csv.Append(row).Append('\n'); }
        foreach (var row in Stay("WNC-T2", "Grus vipio", t.AddHours(60), 48, 34.88, 127.51, ref id)) { csv.Append(row).Append('\n'); }
        foreach (var row in Stay("HC-T1", "Grus monacha", t.AddDays(-30), 48, 32.125, 130.27, ref id)) { csv.Append(row).Append('\n'); }
        var path = Path.Combine(Path.GetTempPath(), $"report-telemetry-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, csv.ToString());
        try
        {
            var imported = await sample.Db.Database.ImportAsync(new TrackImporter(), path);
            Assert.Equal(ImportStatus.Succeeded, imported.Status);

            var report = await sample.ReportAsync(SampleDatabase.HoodedCrane() with { Links = LinkChoice.Telemetry });

            Assert.Equal("telemetry", report.LinkSource);
            var links = report.Runs.Single().Links.Select(l => (l.From, l.To, l.Probability)).OrderBy(l => l.From).ToList();
            // Suncheon -> Cheorwon is the only move out of Suncheon in the window, Cheorwon -> Suncheon the only one out of Cheorwon.
            Assert.Equal([("KR-CWN", "KR-SCB", 1.0), ("KR-SCB", "KR-CWN", 1.0)], links);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
