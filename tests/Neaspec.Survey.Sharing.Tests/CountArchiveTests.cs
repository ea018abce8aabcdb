using System.Globalization;
using System.Xml.Linq;
using Neaspec.Survey.Ingestion.Counts;
using Neaspec.Survey.Sharing.Counts;
using Neaspec.Survey.Sharing.Tests.TestUtilities;

namespace Neaspec.Survey.Sharing.Tests;

/// <summary>The sample counts exported and read back by the independent reader. The expected figures are
/// read off data-samples/crane-counts-2024-2025.csv and spoonbill-census-2025-01.csv by hand.</summary>
public sealed class CountArchiveTests(SampleCounts sample) : IClassFixture<SampleCounts>, IDisposable
{
    private static readonly XNamespace EmlNs = "https://eml.ecoinformatics.org/eml-2.2.0";
    private readonly TestFiles files = new();

    private async Task<DwcArchive> ExportAsync(ExportSelection? selection = null, SampleCounts? from = null, string name = "counts.zip")
    {
        var path = Path.Combine(files.Folder, name);
        await new CountArchive((from ?? sample).Db.Database, new SharingOptions(), FixedTime.Default).WriteAsync(selection ?? new ExportSelection(), path);
        return DwcArchive.Read(path);
    }

    private static long Count(DwcRow row) => long.Parse(row["individualCount"], CultureInfo.InvariantCulture);

    [Fact]
    public async Task Totals_per_species_equal_counts_summary_and_the_sums_of_the_sample_files()
    {
        var archive = await ExportAsync();

        var totals = archive.Extension.Rows.GroupBy(r => r["scientificName"]).ToDictionary(g => g.Key, g => g.Sum(Count));
        // By hand from the two files, every spelling resolved to its species:
        // Grus monacha: Izumi 9850+14020+13650, Suncheon 7305+6980, Cheorwon 12, Mundok 180, Poyang 520,
        //   Shengjin 460+505, Muraviovka 96, Khanka 310 = 53,888 (Suncheon's fogged-out February survey is not a count)
        // Antigone vipio: Izumi 1320+2850+2710, Suncheon 4, Cheorwon 4120+3870+3420, Han estuary 610+840, Mundok 260,
        //   Poyang 2100+1860, Zhalong 95, Muraviovka 148, Khanka 74, Dauria 62, Khurkh 54 = 24,397
        // Grus japonensis: Cheorwon 1240; Grus virgo: Dauria 1450 + Khurkh 830 = 2,280
        // Platalea minor: 4146+373+87+21+0+42 = 4,669 (Yellow River Delta fogged out); Platalea leucorodia: 6+2 = 8
        var expected = new Dictionary<string, long>
        {
            ["Grus monacha"] = 53_888, ["Antigone vipio"] = 24_397, ["Grus japonensis"] = 1_240, ["Grus virgo"] = 2_280,
            ["Platalea minor"] = 4_669, ["Platalea leucorodia"] = 8,
        };
        Assert.Equal(expected.OrderBy(e => e.Key), totals.OrderBy(e => e.Key));

        var summary = await CountSummary.QueryAsync(sample.Db.Database, null, null, null, null);
        Assert.Equal(summary.GroupBy(r => r.Species).ToDictionary(g => g.Key, g => g.Sum(r => r.Total)).OrderBy(e => e.Key), totals.OrderBy(e => e.Key));
    }

    [Fact]
    public async Task A_selection_matches_counts_summary_with_the_same_filters()
    {
        var archive = await ExportAsync(new ExportSelection
        {
            Species = ["Grus monacha"], From = new DateOnly(2024, 11, 1), To = new DateOnly(2025, 2, 28), Countries = ["KR"],
        });

        // Suncheon 7305 + 6980, Cheorwon 12 (Suncheon's February survey is not counted).
        Assert.Equal(14_297, archive.Extension.Rows.Sum(Count));
        var summary = await CountSummary.QueryAsync(sample.Db.Database, "Grus monacha", new DateOnly(2024, 11, 1), new DateOnly(2025, 2, 28), "KR");
        Assert.Equal(summary.Sum(r => r.Total), archive.Extension.Rows.Sum(Count));
        Assert.All(archive.Core.Rows, e => Assert.Equal("KR", e["countryCode"]));
        Assert.All(archive.Extension.Rows, o => Assert.Equal("Grus monacha", o["scientificName"]));
        // Events only where the species was counted: Suncheon 2024-12-15 and 2025-01-12, Cheorwon 2025-01-12.
        Assert.Equal(3, archive.Core.Rows.Count);
    }

    [Fact]
    public async Task Zeros_are_absences_and_not_counted_rows_are_absent()
    {
        var archive = await ExportAsync();

        // 9 + 33 rows, two of them blank (Yellow River Delta and Suncheon in fog): 40 occurrences.
        Assert.Equal(40, archive.Extension.Rows.Count);
        var absent = Assert.Single(archive.Extension.Rows, o => o["occurrenceStatus"] == "absent");
        Assert.Equal("0", absent["individualCount"]);
        Assert.Equal("0", absent["organismQuantity"]);
        Assert.Equal("Platalea minor", absent["scientificName"]);
        var ganghwa = Assert.Single(archive.Core.Rows, e => e.Id == absent.Id);
        Assert.Equal("KR-GHW", ganghwa["locationID"]);
        Assert.All(archive.Extension.Rows.Where(o => o != absent), o =>
        {
            Assert.Equal("present", o["occurrenceStatus"]);
            Assert.True(Count(o) > 0);
            Assert.Equal(o["individualCount"], o["organismQuantity"]);
            Assert.Equal("individuals", o["organismQuantityType"]);
            Assert.Equal("HumanObservation", o["basisOfRecord"]);
        });

        // A survey with nothing counted is no event: not Suncheon on 2025-02-10, not the Yellow River Delta.
        Assert.DoesNotContain(archive.Core.Rows, e => e["locationID"] == "CN-YRD");
        Assert.DoesNotContain(archive.Core.Rows, e => e["eventDate"].StartsWith("2025-02-10", StringComparison.Ordinal));
        // 6 spoonbill-census sites at 08:00 (YRD fogged out) + 20 crane-count visits (site, date) = 26 events.
        Assert.Equal(26, archive.Core.Rows.Count);
        Assert.All(archive.Core.Rows, e => Assert.NotEmpty(archive.RowsOf(archive.Extension, e)));
    }

    [Fact]
    public async Task Events_carry_the_site_date_time_protocol_and_observer()
    {
        var archive = await ExportAsync();

        var maiPo = Assert.Single(archive.Core.Rows, e => e["locationID"] == "HK-MPO");
        Assert.Equal("2025-01-18T08:00", maiPo["eventDate"]); // the census time, as the team wrote it
        Assert.Equal("Mai Po and Deep Bay", maiPo["locality"]); // the site's name in the site list, not the file's
        Assert.Equal("HK", maiPo["countryCode"]);
        Assert.Equal("22.49", maiPo["decimalLatitude"]);
        Assert.Equal("114.03", maiPo["decimalLongitude"]);
        Assert.Equal("EPSG:4326", maiPo["geodeticDatum"]);
        Assert.Equal("high-tide roost count", maiPo["samplingProtocol"]);
        Assert.Equal("HKBWS", maiPo["recordedBy"]);
        Assert.Equal("", maiPo["dataGeneralizations"]);
        Assert.Equal(["Platalea leucorodia", "Platalea minor"], archive.RowsOf(archive.Extension, maiPo).Select(o => o["scientificName"]).Order());

        var izumi = archive.Core.Rows.Where(e => e["locationID"] == "JP-IZM").Select(e => e["eventDate"]).Order();
        Assert.Equal(["2024-11-20", "2024-12-15", "2025-01-12"], izumi); // no time recorded: the date alone
        var hooded = Assert.Single(archive.Extension.Rows, o => o["individualCount"] == "14020");
        Assert.Equal(("Grus monacha", "species", "Animalia", "Hooded Crane"), (hooded["scientificName"], hooded["taxonRank"], hooded["kingdom"], hooded["vernacularName"]));
    }

    [Fact]
    public async Task Meta_xml_declares_every_column_by_its_term_uri_and_the_files_name_them_in_their_header()
    {
        var archive = await ExportAsync();

        Assert.Equal(["event.txt", "occurrence.txt", "meta.xml", "eml.xml"], archive.Entries);
        Assert.Equal("http://rs.tdwg.org/dwc/terms/Event", archive.Core.RowType);
        Assert.Equal("http://rs.tdwg.org/dwc/terms/Occurrence", archive.Extension.RowType);
        foreach (var table in new[] { archive.Core, archive.Extension })
        {
            Assert.All(table.Terms.Values, t => Assert.StartsWith("http://rs.tdwg.org/dwc/terms/", t, StringComparison.Ordinal));
            foreach (var (index, term) in table.Terms)
            {
                Assert.Equal(DwcArchive.LocalName(term), table.Header[index]);
            }
            Assert.All(table.Rows, r => Assert.Equal(table.Header.Length, r.Raw.Length));
        }
        Assert.Equal("coreid", archive.Extension.Header[0]);
        Assert.Equal(archive.Core.Rows.Count, archive.Core.Rows.Select(r => r["eventID"]).Distinct().Count());
        Assert.Equal(archive.Extension.Rows.Count, archive.Extension.Rows.Select(r => r["occurrenceID"]).Distinct().Count());
    }

    [Fact]
    public async Task Eml_has_coverage_computed_from_the_data_the_licence_and_a_citation()
    {
        var archive = await ExportAsync();
        var dataset = archive.Eml.Root!.Element("dataset")!;
        string Text(XElement e, string path) => path.Split('/').Aggregate(e, (x, n) => x.Element(n)!).Value;

        Assert.Equal(EmlNs + "eml", archive.Eml.Root.Name);
        Assert.Equal(new SharingOptions().Title, Text(dataset, "title"));
        // The sites counted: west Xuan Thuy 106.57, east Khanka 132.4, north Dauria 50.07, south Xuan Thuy 20.22.
        var box = dataset.Element("coverage")!.Element("geographicCoverage")!.Element("boundingCoordinates")!;
        Assert.Equal(("106.57", "132.4", "50.07", "20.22"), (box.Element("westBoundingCoordinate")!.Value, box.Element("eastBoundingCoordinate")!.Value,
            box.Element("northBoundingCoordinate")!.Value, box.Element("southBoundingCoordinate")!.Value));
        // Dauria and Khurkh on 2024-08-30 first, the spoonbill census on 2025-01-18 last.
        var dates = dataset.Element("coverage")!.Element("temporalCoverage")!.Element("rangeOfDates")!;
        Assert.Equal("2024-08-30", Text(dates, "beginDate/calendarDate"));
        Assert.Equal("2025-01-18", Text(dates, "endDate/calendarDate"));
        var taxa = dataset.Descendants("taxonRankValue").Select(t => t.Value).ToList();
        Assert.Equal(["Antigone vipio", "Grus japonensis", "Grus monacha", "Grus virgo", "Platalea leucorodia", "Platalea minor"], taxa);
        Assert.Equal("http://creativecommons.org/licenses/by/4.0/legalcode", dataset.Element("intellectualRights")!.Descendants("ulink").Single().Attribute("url")!.Value);
        Assert.Equal("2025-03-01", Text(dataset, "pubDate"));
        Assert.Equal("NEASPEC migratory bird partners (2025). Waterbird counts of the North-East Asian flyway partners. Sampling event dataset.",
            archive.Eml.Root.Descendants("citation").Single().Value);
        Assert.Contains("Samplingevent", dataset.Elements("keywordSet").Elements("keyword").Select(k => k.Value));
        Assert.Contains("40 counts (39 present, 1 absent) of 6 species in 26 survey events at 17 sites", Text(dataset, "abstract/para"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_occurrenceID_and_eventID_is_the_same_in_a_second_export_and_in_a_database_loaded_in_another_order()
    {
        var first = await ExportAsync(name: "first.zip");
        var second = await ExportAsync(name: "second.zip");
        var reordered = new SampleCounts([.. SampleCounts.CountFiles.Reverse()]);
        await reordered.InitializeAsync();
        try
        {
            // The other database numbers its surveys differently: the ids must not come from those numbers.
            var sql = "select v.id from surveys v join sites s on s.id = v.site_id where s.code = 'HK-MPO'";
            Assert.NotEqual(await sample.Db.ScalarAsync<long>(sql), await reordered.Db.ScalarAsync<long>(sql));
            var elsewhere = await ExportAsync(from: reordered, name: "elsewhere.zip");

            static Dictionary<string, string> Occurrences(DwcArchive a) => a.Extension.Rows.ToDictionary(
                o => o["occurrenceID"],
                o => $"{o.Id}|{o["scientificName"]}|{o["individualCount"]}|{a.Core.Rows.Single(e => e.Id == o.Id)["locationID"]}|{a.Core.Rows.Single(e => e.Id == o.Id)["eventDate"]}");
            var expected = Occurrences(first);
            Assert.Equal(40, expected.Count);
            Assert.Equal(expected.OrderBy(e => e.Key), Occurrences(second).OrderBy(e => e.Key));
            Assert.Equal(expected.OrderBy(e => e.Key), Occurrences(elsewhere).OrderBy(e => e.Key));
            Assert.Equal(first.Core.Rows.Select(e => e.Id).Order(), elsewhere.Core.Rows.Select(e => e.Id).Order());
        }
        finally
        {
            await reordered.DisposeAsync();
        }
    }

    public void Dispose() => files.Dispose();
}
