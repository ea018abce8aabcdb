using System.Globalization;
using System.Text;
using Neaspec.Survey.Ingestion.Counts;
using Neaspec.Survey.Ingestion.Sites;
using Neaspec.Survey.Ingestion.Tracks;
using Neaspec.Survey.Report.Migratory;
using Neaspec.Survey.Storage.Model;
using Neaspec.Survey.Testing;

namespace Neaspec.Survey.Report.Tests.Migratory;

/// <summary>
/// A database with the sample sites, a breeding-2024 census and nine tracked Hooded Cranes, imported by the real
/// importers. Breeding 2024 (1 Jun - 15 Aug 2024) is the origin season, winter 2025 (1 Dec 2024 - 28 Feb 2025) the
/// target.
/// <list type="bullet">
/// <item>a1-a4 breed at Muraviovka (RU-MRV); a1-a3 winter at Izumi (JP-IZM), a4 at Suncheon Bay (KR-SCB).</item>
/// <item>b1-b2 breed at Khanka (RU-KHL) and winter at Suncheon Bay.</item>
/// <item>g breeds at Muraviovka but its tag stops in September: no winter stay.</item>
/// <item>h is tagged at Izumi in December: no breeding stay.</item>
/// <item>d breeds at Daursky (RU-DAU), where nobody counted, and winters at Izumi.</item>
/// </list>
/// Census (breeding window): Muraviovka 200 on 10 Jun and 300 on 10 Jul (peak 300), Khanka 100 on 15 Jun and 999 on
/// 20 May, which is before the window and does not count (peak 100).
/// </summary>
public sealed class MigratoryScenario : IAsyncLifetime
{
    public PostgisDatabase Db { get; private set; } = null!;

    public static readonly Dictionary<string, (double Lon, double Lat)> Points = new()
    {
        ["RU-MRV"] = (127.67, 49.83), ["RU-KHL"] = (132.4, 45.0), ["RU-DAU"] = (115.6, 50.07),
        ["JP-IZM"] = (130.27, 32.125), ["KR-SCB"] = (127.51, 34.88),
    };

    /// <summary>Each bird's breeding site (or null) and wintering site (or null).</summary>
    public static readonly (string Bird, string? Breeding, string? Winter)[] Birds =
    [
        ("a1", "RU-MRV", "JP-IZM"), ("a2", "RU-MRV", "JP-IZM"), ("a3", "RU-MRV", "JP-IZM"), ("a4", "RU-MRV", "KR-SCB"),
        ("b1", "RU-KHL", "KR-SCB"), ("b2", "RU-KHL", "KR-SCB"),
        ("g", "RU-MRV", null), ("h", null, "JP-IZM"), ("d", "RU-DAU", "JP-IZM"),
    ];

    public const string Study = "MC scenario";

    public async Task InitializeAsync()
    {
        Db = await PostgisDatabase.CreateAsync();
        Assert.NotNull((await Db.Database.ImportAsync(new SiteImporter(), TestFiles.Sample("sites.csv"))).ImportId);
        var counts = Path.Combine(Path.GetTempPath(), $"mc-counts-{Guid.NewGuid():N}.csv");
        var tracks = Path.Combine(Path.GetTempPath(), $"mc-tracks-{Guid.NewGuid():N}.csv");
        try
        {
            await File.WriteAllTextAsync(counts, "site_code,date,species,count\nRU-MRV,2024-06-10,Grus monacha,200\nRU-MRV,2024-07-10,Grus monacha,300\n"
                + "RU-KHL,2024-06-15,Grus monacha,100\nRU-KHL,2024-05-20,Grus monacha,999\n");
            var loaded = await Db.Database.ImportAsync(new CountImporter(), counts);
            Assert.True(loaded.Loaded, loaded.Message);
            await File.WriteAllTextAsync(tracks, TracksCsv());
            Assert.Equal(ImportStatus.Succeeded, (await Db.Database.ImportAsync(new TrackImporter(), tracks)).Status);
        }
        finally
        {
            File.Delete(counts);
            File.Delete(tracks);
        }
    }

    public async Task DisposeAsync() => await Db.DisposeAsync();

    /// <summary>Fixes every 6 h: 5 Jun - 20 Jul 2024 at the breeding site (g until 10 Sep), 10 Dec 2024 - 30 Jan 2025
    /// at the wintering site; the gap between is no stay.</summary>
    private static string TracksCsv()
    {
        var csv = new StringBuilder("event-id,visible,timestamp,location-long,location-lat,individual-taxon-canonical-name,individual-local-identifier,study-name\n");
        long id = 1;
        void Stay(string bird, string site, DateTime from, DateTime to)
        {
            for (var t = from; t <= to; t = t.AddHours(6))
            {
                csv.Append(string.Create(CultureInfo.InvariantCulture,
                    $"{id++},true,{t:yyyy-MM-dd HH:mm:ss.fff},{Points[site].Lon},{Points[site].Lat},Grus monacha,{bird},{Study}\n"));
            }
        }
        foreach (var (bird, breeding, winter) in Birds)
        {
            if (breeding is not null)
            {
                Stay(bird, breeding, Utc(2024, 6, 5), bird == "g" ? Utc(2024, 9, 10) : Utc(2024, 7, 20));
            }
            if (winter is not null)
            {
                Stay(bird, winter, Utc(2024, 12, 10), Utc(2025, 1, 30));
            }
        }
        return csv.ToString();
    }

    private static DateTime Utc(int y, int m, int d) => new(y, m, d, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The MC request of the scenario.</summary>
    public static ReportRequest Request(int? bootstrap = 0, long? seed = null, RegionGrouping regions = RegionGrouping.Site) => new()
    {
        Species = "Grus monacha",
        Season = "breeding",
        Year = 2024,
        Birds = new ReportBirdOptions
        {
            Bootstrap = bootstrap,
            Seed = seed,
            Migratory = new MigratoryRequest { OriginSeason = "breeding", TargetSeason = "winter", Regions = regions },
        },
    };

    public async Task<MigrationInputs> LoadAsync(ReportRequest request)
    {
        var loaded = await MigrationInputs.LoadAsync(Db.Database, request);
        Assert.True(loaded.Inputs is not null, string.Join("; ", loaded.Problems));
        return loaded.Inputs!;
    }
}
