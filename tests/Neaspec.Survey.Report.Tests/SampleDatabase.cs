using Neaspec.Survey.Connectivity;
using Neaspec.Survey.Ingestion.Counts;
using Neaspec.Survey.Ingestion.Sites;
using Neaspec.Survey.Testing;

namespace Neaspec.Survey.Report.Tests;

/// <summary>A throwaway PostGIS database holding the repository's sample data, imported by the real importers
/// (sites.csv, the spoonbill census, the crane counts). One per test class.</summary>
public sealed class SampleDatabase : IAsyncLifetime
{
    public PostgisDatabase Db { get; private set; } = null!;

    /// <summary>Hooded Crane, winter 2025 (1 Dec 2024 - 28 Feb 2025), read off crane-counts-2024-2025.csv by hand:
    /// the peak count per site; KP-MUN (October) is outside the window and Suncheon's fogged-out February
    /// survey is "not counted", not 0.</summary>
    public static IReadOnlyList<SiteNode> HoodedCraneWinter2025 { get; } =
    [
        new("JP-IZM", 130.27, 32.125, 14020, "JP"),
        new("KR-SCB", 127.51, 34.88, 7305, "KR"),
        new("CN-PYL", 116.25, 29.15, 520, "CN"),
        new("CN-SJL", 117.05, 30.38, 505, "CN"),
        new("KR-CWN", 127.22, 38.25, 12, "KR"),
    ];



    public async Task InitializeAsync()
    {
        Db = await PostgisDatabase.CreateAsync();
        var sites = await Db.Database.ImportAsync(new SiteImporter(), TestFiles.Sample("sites.csv"));
        Assert.True(sites.ImportId is not null, sites.Message);
        foreach (var file in new[] { "spoonbill-census-2025-01.csv", "crane-counts-2024-2025.csv" })
        {
            var counts = await Db.Database.ImportAsync(new CountImporter(), TestFiles.Sample(file));
            Assert.True(counts.Loaded, counts.Message);
        }
    }

    public async Task DisposeAsync() => await Db.DisposeAsync();

    /// <summary>Loads and computes a report, failing with the problems when there are any.</summary>
    public async Task<ConnectivityReport> ReportAsync(ReportRequest request)
    {
        var loaded = await ConnectivityInputs.LoadAsync(Db.Database, request);
        Assert.True(loaded.Inputs is not null, string.Join("; ", loaded.Problems));
        return ConnectivityReport.Compute(loaded.Inputs!);
    }

    public static ReportRequest HoodedCrane(string language = "en") => new()
    {
        Species = "Grus monacha",
        Season = "winter",
        Year = 2025,
        Language = language,
    };
}
