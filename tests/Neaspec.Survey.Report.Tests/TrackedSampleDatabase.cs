using Neaspec.Survey.Ingestion.Tracks;
using Neaspec.Survey.Storage.Model;

namespace Neaspec.Survey.Report.Tests;

/// <summary>The sample data (<see cref="SampleDatabase"/>) and one tagged Hooded Crane in winter 2025, imported by the
/// real track importer: hourly fixes, 48 h at Suncheon Bay from 5 Dec 2024, 48 h at Cheorwon from 7 Dec 08:00, 48 h
/// back at Suncheon Bay from 9 Dec 16:00 (144 fixes, 8 h flights between): two moves, KR-SCB -> KR-CWN -> KR-SCB.
/// The species' other counted sites (JP-IZM, CN-PYL, CN-SJL) no tagged bird visited.</summary>
public sealed class TrackedSampleDatabase : IAsyncLifetime
{
    public SampleDatabase Sample { get; } = new();

    public async Task InitializeAsync()
    {
        await Sample.InitializeAsync();
        var path = Path.Combine(Path.GetTempPath(), $"tracked-sample-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, OneCrane());
        try
        {
            var imported = await Sample.Db.Database.ImportAsync(new TrackImporter(), path);
            Assert.Equal(ImportStatus.Succeeded, imported.Status);
        }
        finally
        {
            File.Delete(path);
        }
    }

    public Task DisposeAsync() => Sample.DisposeAsync();

    /// <summary>The Movebank CSV of the crane.</summary>
    public static string OneCrane() => MovebankCsv.HourlyStays("HC-CLI", "Grus monacha", "CLI telemetry test",
        new DateTime(2024, 12, 5, 0, 0, 0, DateTimeKind.Utc), (0, 48, 127.51, 34.88), (56, 48, 127.22, 38.25), (112, 48, 127.51, 34.88));
}
