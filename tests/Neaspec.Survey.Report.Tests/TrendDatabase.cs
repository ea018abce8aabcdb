using Neaspec.Survey.Ingestion.Counts;
using Neaspec.Survey.Ingestion.Sites;
using Neaspec.Survey.Report.Trends;
using Neaspec.Survey.Trends;

namespace Neaspec.Survey.Report.Tests;

/// <summary>
/// A throwaway PostGIS database holding six winters of spoonbill counts, imported by the real importers (the sample
/// sites, then <see cref="SurveysCsv"/>), and the same counts as file mode reads them, written by hand from the site-year
/// rule (<see cref="SiteYearsCsv"/>). One per test class.
/// </summary>
public sealed class TrendDatabase : IAsyncLifetime, IDisposable
{
    public const string Window = "12-01..02-28";

    /// <summary>The surveys as a field team sends them. Winter Y is 1 Dec Y-1 .. 28 Feb Y.</summary>
    public const string SurveysCsv = """
        site_code,country,latitude,longitude,date,species,count,notes
        TW-ZWE,,,,2018-11-20,Platalea minor,9999,before every window
        TW-ZWE,,,,2018-12-15,Platalea minor,2100,
        TW-ZWE,,,,2019-01-19,Platalea minor,2400,
        TW-ZWE,,,,2019-01-19,Grus monacha,7,another species
        TW-ZWE,,,,2020-01-18,黑脸琵鹭,2600,
        TW-ZWE,,,,2020-12-12,Platalea minor,,fog
        TW-ZWE,,,,2021-01-16,Platalea minor,2800,
        TW-ZWE,,,,2022-01-15,Platalea minor,3000,
        TW-ZWE,,,,2023-01-14,Platalea minor,3200,
        TW-ZWE,,,,2024-01-20,Platalea minor,3500,
        TW-ZWE,,,,2024-03-02,Platalea minor,4000,after the window
        HK-MPO,,,,2019-01-19,Black-faced Spoonbill,350,
        HK-MPO,,,,2020-01-18,Black-faced Spoonbill,,no access
        HK-MPO,,,,2021-01-16,Black-faced Spoonbill,330,
        HK-MPO,,,,2022-12-10,Black-faced Spoonbill,300,
        HK-MPO,,,,2023-01-14,Black-faced Spoonbill,280,
        HK-MPO,,,,2024-01-20,Black-faced Spoonbill,310,
        JP-HKB,,,,2019-01-19,クロツラヘラサギ,40,
        JP-HKB,,,,2020-01-18,クロツラヘラサギ,45,
        JP-HKB,,,,2021-01-16,クロツラヘラサギ,0,
        JP-HKB,,,,2022-01-15,クロツラヘラサギ,60,
        JP-HKB,,,,2023-01-14,クロツラヘラサギ,55,
        JP-HKB,,,,2024-01-20,クロツラヘラサギ,70,
        KR-NEW1,KR,34.50,126.20,2021-01-16,저어새,12,
        KR-NEW1,KR,34.50,126.20,2022-01-15,저어새,18,
        KR-NEW1,KR,34.50,126.20,2023-01-14,저어새,,fog
        KR-NEW1,KR,34.50,126.20,2024-01-20,저어새,25,
        VN-XTH,,,,2020-01-18,Platalea minor,0,
        VN-XTH,,,,2022-01-15,Platalea minor,,
        """;

    /// <summary>
    /// The site-year table read off <see cref="SurveysCsv"/> by hand (peak per winter; not counted = blank; no survey =
    /// no row), as file mode reads it:
    /// TW-ZWE 2019 = max(2,100 on 15 Dec 2018, 2,400) = 2,400 (the November 9,999 is in no window); 2021 = 2,800 (the fog
    /// survey skipped); 2024 = 3,500 (the March 4,000 is after the window).
    /// HK-MPO 2020 blank (no access only); 2022 no row (no survey); 2023 = max(300 on 10 Dec 2022, 280) = 300.
    /// JP-HKB 2021 = 0, a real zero. KR-NEW1 (provisional, created by the import) 2023 blank (fog).
    /// VN-XTH: 0 and a blank: no positive count, so TRIM leaves it out.
    /// </summary>
    public const string SiteYearsCsv = """
        site,year,count,country
        TW-ZWE,2019,2400,TW
        TW-ZWE,2020,2600,TW
        TW-ZWE,2021,2800,TW
        TW-ZWE,2022,3000,TW
        TW-ZWE,2023,3200,TW
        TW-ZWE,2024,3500,TW
        HK-MPO,2019,350,HK
        HK-MPO,2020,,HK
        HK-MPO,2021,330,HK
        HK-MPO,2023,300,HK
        HK-MPO,2024,310,HK
        JP-HKB,2019,40,JP
        JP-HKB,2020,45,JP
        JP-HKB,2021,0,JP
        JP-HKB,2022,60,JP
        JP-HKB,2023,55,JP
        JP-HKB,2024,70,JP
        KR-NEW1,2021,12,KR
        KR-NEW1,2022,18,KR
        KR-NEW1,2023,,KR
        KR-NEW1,2024,25,KR
        VN-XTH,2020,0,VN
        VN-XTH,2022,,VN
        """;

    private readonly TestFiles files = new();

    public PostgisDatabase Db { get; private set; } = null!;

    public TestFiles Files => files;

    public async Task InitializeAsync()
    {
        Db = await PostgisDatabase.CreateAsync();
        var sites = await Db.Database.ImportAsync(new SiteImporter(), TestFiles.Sample("sites.csv"));
        Assert.True(sites.ImportId is not null, sites.Message);
        var counts = await Db.Database.ImportAsync(new CountImporter(), files.Write("spoonbill-winters.csv", SurveysCsv));
        Assert.True(counts.Loaded, counts.Message);
    }

    public async Task DisposeAsync() => await Db.DisposeAsync();

    public void Dispose() => files.Dispose();

    /// <summary>The request of the tests: spoonbill, 12-01..02-28, 2019-2024.</summary>
    public static TrendRequest Request(TrendOptions trend, bool? byCountry = false) => new()
    {
        Species = "저어새", Window = Window, FirstYear = 2019, LastYear = 2024, Trend = trend, ByCountry = byCountry,
    };

    /// <summary>The report of <see cref="SiteYearsCsv"/> built from values, without a database (one count per site-year on
    /// the window's last day; the seeded spoonbill population): for tests that only look at the page.</summary>
    public static TrendReport FromValues(TrendOptions trend)
    {
        var rows = SiteYearsCsv.Split('\n').Skip(1).Select(l => l.Trim().Split(',')).ToList();
        var sites = rows.Select(f => (Code: f[0], Country: f[3])).Distinct().ToDictionary(s => s.Code,
            s => new ReportSite(s.Code, new Dictionary<string, string> { ["en"] = s.Code }, s.Country, 120, 25, IsProvisional: s.Code == "KR-NEW1"),
            StringComparer.Ordinal);
        var season = Connectivity.Season.Parse(Window, Window, null, "UTC", out _)!;
        var counts = rows.Select(f => new Connectivity.CountRecord(f[0], "Platalea minor",
            Connectivity.SeasonWindow.Of(season, int.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture)).To,
            f[2].Length == 0 ? null : int.Parse(f[2], System.Globalization.CultureInfo.InvariantCulture))).ToList();
        var seed = Storage.PopulationEstimateCatalogue.Seed.Single(e => e.Species == "Platalea minor");
        var inputs = TrendInputs.Create(Request(trend) with { Species = "Platalea minor" }, season, "Platalea minor", "Black-faced Spoonbill", sites, counts,
            [new Neaspec.Survey.Trends.Thresholds.PopulationThreshold(seed.Population, seed.Estimate, seed.OnePercentThreshold, seed.Source, seed.Year)]);
        return TrendReport.Compute(inputs.Inputs!).Report!;
    }

    /// <summary>Loads and computes a report, failing with the problems when there are any.</summary>
    public async Task<TrendReport> ReportAsync(TrendRequest request)
    {
        var loaded = await TrendInputs.LoadAsync(Db.Database, request);
        Assert.True(loaded.Inputs is not null, string.Join("; ", loaded.Problems));
        var outcome = TrendReport.Compute(loaded.Inputs!);
        Assert.True(outcome.Report is not null, string.Join("; ", outcome.Problems));
        return outcome.Report!;
    }
}
