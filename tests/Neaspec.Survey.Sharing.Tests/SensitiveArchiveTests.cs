using System.Globalization;
using Neaspec.Survey.Sharing.Counts;
using Neaspec.Survey.Sharing.Sensitive;
using Neaspec.Survey.Sharing.Tests.TestUtilities;

namespace Neaspec.Survey.Sharing.Tests;

/// <summary>Sensitive sites and species, and --generalise-km, in the counts archive: generalised points lie on the
/// grid, their uncertainty covers the cell, the locality and the site code are gone, dataGeneralizations says so.
/// Each test has a database of its own (the flags are global).</summary>
public sealed class SensitiveArchiveTests : IDisposable
{
    private readonly TestFiles files = new();

    private async Task<DwcArchive> ExportAsync(SampleCounts sample, ExportSelection? selection = null)
    {
        var path = Path.Combine(files.Folder, $"{Guid.NewGuid():N}.zip");
        await new CountArchive(sample.Db.Database, new SharingOptions(), FixedTime.Default).WriteAsync(selection ?? new ExportSelection(), path);
        return DwcArchive.Read(path);
    }

    private static async Task<SampleCounts> SampleAsync()
    {
        var sample = new SampleCounts();
        await sample.InitializeAsync();
        return sample;
    }

    private static double Number(DwcRow row, string term) => double.Parse(row[term], CultureInfo.InvariantCulture);

    private static void AssertGeneralised(DwcRow e, double km, double latitude, double longitude)
    {
        Assert.True(Grid.IsCellCentre(km, Number(e, "decimalLatitude"), Number(e, "decimalLongitude")),
            $"{e["decimalLatitude"]}, {e["decimalLongitude"]} is not the centre of a {km} km cell");
        // The true point lies in the cell, so within the published uncertainty of the published point.
        Assert.True(Grid.Meters(latitude, longitude, Number(e, "decimalLatitude"), Number(e, "decimalLongitude")) <= Number(e, "coordinateUncertaintyInMeters"));
        // A cell about km on a side has a half diagonal of about km/√2 (7.07 km for 10 km), more at its wider edge.
        Assert.InRange(Number(e, "coordinateUncertaintyInMeters"), km / Math.Sqrt(2) * 1000, km / Math.Sqrt(2) * 1000 * 1.01 + 2);
        Assert.Equal("", e["locality"]);
        Assert.StartsWith(string.Create(CultureInfo.InvariantCulture, $"grid{km}km-"), e["locationID"], StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"centre of a {km} km grid cell"), e["dataGeneralizations"], StringComparison.Ordinal);
        Assert.NotEqual("", e["informationWithheld"]);
    }

    [Fact]
    public async Task A_sensitive_site_is_published_at_its_grid_cell_without_locality_or_site_code()
    {
        await using var sample = await SampleAsync();
        Assert.Equal("JP-IZM", await SensitiveFlags.SetSiteAsync(sample.Db.Database, "jp-izm", true));

        var archive = await ExportAsync(sample);

        // Izumi's three visits: the only JP events without a time (Hakata Bay's census is at 08:00).
        var izumi = archive.Core.Rows.Where(e => e["countryCode"] == "JP" && !e["eventDate"].Contains('T', StringComparison.Ordinal)).ToList();
        Assert.Equal(3, izumi.Count);
        foreach (var e in izumi)
        {
            AssertGeneralised(e, 10, 32.125, 130.27);
            Assert.Contains("site marked sensitive", e["dataGeneralizations"], StringComparison.Ordinal);
            // Worked by hand (R = 6371.0088 km, 111.19508 km per degree): rows of 10/111.19508 = 0.0899320°;
            // (32.125 + 90) / 0.0899320 = 1357.97 -> row 1357, 32.03777°..32.12771°, centre 32.08274°;
            // columns floor(360 · 111.19508 · cos 32.08274° / 10) = 3391 of 0.1061634°; (130.27 + 180) / 0.1061634 = 2922.6
            // -> column 2922, 130.20938°..130.31554°, centre 130.26246°; farthest corner 7,072.7 m -> 7,073 + 1 m rounding.
            Assert.Equal(("32.08274", "130.26246", "7074", "grid10km-r1357-c2922"),
                (e["decimalLatitude"], e["decimalLongitude"], e["coordinateUncertaintyInMeters"], e["locationID"]));
            Assert.All(archive.RowsOf(archive.Extension, e), o => Assert.Equal("", o["occurrenceRemarks"]));
        }
        // The code is nowhere in the archive's data, not even hidden in an id.
        Assert.DoesNotContain(archive.Core.Rows.SelectMany(r => r.Raw).Concat(archive.Extension.Rows.SelectMany(r => r.Raw)),
            v => v.Contains("IZM", StringComparison.OrdinalIgnoreCase) || v.Contains("Izumi", StringComparison.OrdinalIgnoreCase));
        // Other sites are exact.
        var cheorwon = archive.Core.Rows.Where(e => e["locationID"] == "KR-CWN").ToList();
        Assert.Equal(3, cheorwon.Count);
        Assert.All(cheorwon, e => Assert.Equal(("38.25", "127.22", ""), (e["decimalLatitude"], e["decimalLongitude"], e["dataGeneralizations"])));
    }

    [Fact]
    public async Task A_sensitive_species_generalises_every_site_where_it_was_counted_in_every_export()
    {
        await using var sample = await SampleAsync();
        Assert.Equal("Platalea minor", await SensitiveFlags.SetSpeciesAsync(sample.Db.Database, "저어새", true));

        // An export of cranes only: Suncheon had spoonbills on 2025-01-18, so its crane surveys are generalised too,
        // or they would give the spoonbills' site away.
        var cranes = await ExportAsync(sample, new ExportSelection { Species = ["Grus monacha"] });
        var krEvents = cranes.Core.Rows.Where(e => e["countryCode"] == "KR").ToList();
        var suncheon = krEvents.Where(e => e["dataGeneralizations"] != "").ToList();
        Assert.Equal(2, suncheon.Count); // Suncheon's 2024-12-15 and 2025-01-12 crane counts
        Assert.All(suncheon, e => AssertGeneralised(e, 10, 34.88, 127.51));
        Assert.All(suncheon, e => Assert.Contains("a sensitive species recorded at the site", e["dataGeneralizations"], StringComparison.Ordinal));
        Assert.Single(krEvents, e => e["locationID"] == "KR-CWN");

        var all = await ExportAsync(sample);
        // Spoonbills counted (> 0) at Zengwen, Mai Po, Hakata, Suncheon and Xuan Thuy; Ganghwa's 0 reveals no roost.
        var generalised = all.Core.Rows.Where(e => e["dataGeneralizations"] != "").Select(e => e["countryCode"]).Order().ToList();
        Assert.Equal(["HK", "JP", "KR", "KR", "KR", "TW", "VN"], generalised);
        Assert.Equal("37.59", Assert.Single(all.Core.Rows, e => e["locationID"] == "KR-GHW")["decimalLatitude"]);
    }

    [Fact]
    public async Task Generalise_km_puts_every_event_on_its_grid_and_the_coverage_follows()
    {
        await using var sample = await SampleAsync();
        await SensitiveFlags.SetSiteAsync(sample.Db.Database, "JP-IZM", true);

        var archive = await ExportAsync(sample, new ExportSelection { GeneraliseKm = 25 });

        Assert.Equal(26, archive.Core.Rows.Count);
        Assert.All(archive.Core.Rows, e => Assert.True(Grid.IsCellCentre(25, Number(e, "decimalLatitude"), Number(e, "decimalLongitude"))));
        Assert.All(archive.Core.Rows, e => Assert.InRange(Number(e, "coordinateUncertaintyInMeters"), 17_677, 17_900)); // 25/√2 km
        Assert.All(archive.Core.Rows, e => Assert.Equal("", e["locality"]));
        // The sensitive site keeps its reason; the sensitive 10 km grid is finer than 25 km, so 25 km it is.
        Assert.Equal(3, archive.Core.Rows.Count(e => e["dataGeneralizations"].Contains("site marked sensitive", StringComparison.Ordinal)));
        var box = archive.Eml.Root!.Descendants("westBoundingCoordinate").Single().Value;
        Assert.Equal(archive.Core.Rows.Min(e => Number(e, "decimalLongitude")), double.Parse(box, CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Unmarking_a_site_publishes_it_exactly_again()
    {
        await using var sample = await SampleAsync();
        await SensitiveFlags.SetSiteAsync(sample.Db.Database, "KR-CWN", true);
        Assert.Equal("KR-CWN", await SensitiveFlags.SetSiteAsync(sample.Db.Database, "KR-CWN", false));
        Assert.Null(await SensitiveFlags.SetSiteAsync(sample.Db.Database, "XX-NOPE", true));

        var archive = await ExportAsync(sample);

        Assert.Equal(3, archive.Core.Rows.Count(e => e["locationID"] == "KR-CWN"));
        Assert.All(archive.Core.Rows, e => Assert.Equal("", e["dataGeneralizations"]));
        var (sites, species) = await SensitiveFlags.ListAsync(sample.Db.Database);
        Assert.Empty(sites);
        Assert.Empty(species);
    }

    public void Dispose() => files.Dispose();
}
