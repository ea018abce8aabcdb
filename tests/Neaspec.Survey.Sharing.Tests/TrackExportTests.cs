using System.Globalization;
using Neaspec.Survey.Ingestion.Sites;
using Neaspec.Survey.Ingestion.Tracks;
using Neaspec.Survey.Sharing.Sensitive;
using Neaspec.Survey.Sharing.Tests.TestUtilities;
using Neaspec.Survey.Sharing.Tracks;
using Neaspec.Survey.Storage.Model;
using Npgsql;

namespace Neaspec.Survey.Sharing.Tests;

/// <summary>The tracks exports: Movebank CSV that loads the same fixes into another database, and hourly Darwin
/// Core occurrences worked out by hand on a small track.</summary>
public sealed class TrackExportTests : IDisposable
{
    private readonly TestFiles files = new();

    /// <summary>HC-1 (a Hooded Crane) over four hours near Suncheon Bay, BFS-1 (a spoonbill) at Ganghwa. Event 3 is
    /// invisible, event 5 marked an outlier; HC-1's legs are all under 60 km/h, so the speed filter flags nothing.</summary>
    private const string SmallTrack =
        """
        event-id,visible,timestamp,location-long,location-lat,manually-marked-outlier,individual-taxon-canonical-name,tag-local-identifier,individual-local-identifier,study-name,location-error-numerical
        1,true,2025-01-10 00:05:00.000,127.51,34.88,,Grus monacha,T1,HC-1,Hourly,12
        2,true,2025-01-10 00:35:00.000,127.52,34.89,,Grus monacha,T1,HC-1,Hourly,12
        3,false,2025-01-10 01:02:00.000,127.53,34.90,,Grus monacha,T1,HC-1,Hourly,12
        4,true,2025-01-10 01:10:00.000,127.65,34.97,,Grus monacha,T1,HC-1,Hourly,9
        5,true,2025-01-10 01:20:00.000,127.66,34.98,true,Grus monacha,T1,HC-1,Hourly,9
        6,true,2025-01-10 01:50:00.000,127.70,35.00,,Grus monacha,T1,HC-1,Hourly,9
        7,true,2025-01-10 03:00:00.000,127.80,35.10,,Grus monacha,T1,HC-1,Hourly,
        8,true,2025-01-10 00:10:00.000,126.43,37.59,,Platalea minor,T2,BFS-1,Hourly,
        9,true,2025-01-10 00:40:00.000,126.44,37.60,,Platalea minor,T2,BFS-1,Hourly,
        """;

    private static async Task ImportAsync(PostgisDatabase db, string path)
    {
        var result = await db.Database.ImportAsync(new TrackImporter(new TrackImportOptions()), path);
        Assert.True(result.Status == ImportStatus.Succeeded, result.Message);
    }

    private static async Task<List<string>> FixesAsync(PostgisDatabase db)
    {
        await using var conn = await db.Database.DataSource.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand(
            """
            select concat_ws('|', st.name, i.local_identifier, i.taxon, t.local_identifier, to_char(f.observed_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI:SS.MS'),
                   st_x(f.location)::text, st_y(f.location)::text, f.event_id, f.visible, f.marked_outlier, f.speed_outlier, f.hdop, f.satellite_count,
                   f.attributes::text)
            from fixes f join individuals i on i.id = f.individual_id join studies st on st.id = f.study_id
            left join tags t on t.id = f.tag_id
            order by 1
            """, conn);
        var rows = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add(reader.GetString(0));
        }
        return rows;
    }

    private static TrackSelection All(bool hourly = false, double? km = null) =>
        new() { Filter = new ExportSelection { GeneraliseKm = km }, Hourly = hourly };

    [Fact]
    public async Task A_Movebank_export_loads_the_same_fixes_into_another_database_and_is_a_duplicate_in_its_own()
    {
        // A real e-obs study (Movebank, LaPoint et al.): attribute columns (eobs:used-time-to-get-fix, ...), rows without
        // a fix, milliseconds, negative longitudes; 32,904 fixes.
        var fishers = Path.Combine(TestFiles.RepoRoot(), "tests", "Neaspec.Survey.Ingestion.Tests", "TestData", "tracks", "fishers-lapoint-newyork.csv.gz");
        await using var source = await PostgisDatabase.CreateAsync();
        await ImportAsync(source, fishers);
        var exported = Path.Combine(files.Folder, "fishers-export.csv.gz");

        var written = await new MovebankExport(source.Database).WriteAsync(All(), exported);

        Assert.Equal(32_904, written);
        await using var other = await PostgisDatabase.CreateAsync();
        await using (var conn = await other.Database.DataSource.OpenConnectionAsync())
        await using (var renumber = new NpgsqlCommand(
            "select setval('fixes_id_seq', 1000000, false); select setval(pg_get_serial_sequence('individuals', 'id'), 500)", conn))
        {
            await renumber.ExecuteNonQueryAsync(); // another database numbers its rows otherwise
        }
        await ImportAsync(other, exported);
        var expected = await FixesAsync(source);
        Assert.Equal(32_904, expected.Count);
        Assert.Equal(expected, await FixesAsync(other));
        Assert.Contains(expected, f => f.Contains("\"eobs:used-time-to-get-fix\": \"80\"", StringComparison.Ordinal));
        // Values go out as they are: no spreadsheet escape before a minus sign.
        using (var text = new StreamReader(new System.IO.Compression.GZipStream(File.OpenRead(exported), System.IO.Compression.CompressionMode.Decompress)))
        {
            Assert.Contains("2011-02-11 18:06:13.999,-73.8601516,42.7952815,", await text.ReadToEndAsync(), StringComparison.Ordinal);
        }

        var again = await source.Database.ImportAsync(new TrackImporter(new TrackImportOptions()), exported);
        Assert.Equal((0L, 32_904L), (again.RowsAccepted, again.Duplicates));

        // The Darwin Core occurrences of both databases carry the same ids, though their serial ids differ.
        async Task<List<string>> OccurrenceIds(PostgisDatabase db, string name)
        {
            var path = Path.Combine(files.Folder, name);
            await new TrackArchive(db.Database, new SharingOptions(), FixedTime.Default).WriteAsync(All(), path);
            return [.. DwcArchive.Read(path).Core.Rows.Select(r => $"{r["occurrenceID"]} {r["eventDate"]} {r["decimalLongitude"]}")];
        }
        Assert.NotEqual(await source.ScalarAsync<long>("select min(id) from fixes"), await other.ScalarAsync<long>("select min(id) from fixes"));
        var ids = await OccurrenceIds(source, "source.zip");
        Assert.True(ids.Count > 1000);
        Assert.Equal(ids, await OccurrenceIds(other, "other.zip"));
    }

    [Fact]
    public async Task Movebank_measures_stored_in_columns_of_their_own_go_out_under_their_Movebank_names()
    {
        // The file writes the REST API's spellings; fixes keeps the values as real numbers (issue 15), and the export
        // gives them back under the CSV export's names with the values as written.
        await using var db = await PostgisDatabase.CreateAsync();
        await ImportAsync(db, files.Write("measures.csv",
            """
            event-id,timestamp,location_long,location_lat,ground_speed,heading,individual_local_identifier,study_name
            1,2025-01-10 00:00:00.000,127.51,34.88,0.8,275,HC-1,Measures
            2,2025-01-10 01:00:00.000,127.52,34.89,,90.5,HC-1,Measures
            """));
        var exported = Path.Combine(files.Folder, "measures-export.csv");

        Assert.Equal(2, await new MovebankExport(db.Database).WriteAsync(All(), exported));

        var lines = await File.ReadAllLinesAsync(exported);
        var header = lines[0].Split(',');
        var speed = Array.IndexOf(header, "ground-speed");
        var heading = Array.IndexOf(header, "heading");
        Assert.True(speed >= 0 && heading >= 0, lines[0]);
        Assert.DoesNotContain("ground_speed", header);
        Assert.Equal(["0.8", ""], lines[1..].Select(l => l.Split(',')[speed]));
        Assert.Equal(["275", "90.5"], lines[1..].Select(l => l.Split(',')[heading]));
    }

    [Fact]
    public async Task Darwin_Core_keeps_the_first_good_fix_of_each_hour_per_individual()
    {
        await using var db = await PostgisDatabase.CreateAsync();
        await ImportAsync(db, files.Write("hourly.csv", SmallTrack));
        var path = Path.Combine(files.Folder, "hourly.zip");

        var result = await new TrackArchive(db.Database, new SharingOptions(), FixedTime.Default).WriteAsync(All(), path);

        // HC-1: 00h events 1, 2 -> 1 (first of 2); 01h: 3 invisible, 5 an outlier, 4 and 6 good -> 4 (first of 2);
        // 02h none; 03h: 7 (first of 1). BFS-1: 00h events 8, 9 -> 8 (first of 2). Four occurrences.
        var archive = DwcArchive.Read(path);
        Assert.Empty(archive.Extensions);
        Assert.Equal("http://rs.tdwg.org/dwc/terms/Occurrence", archive.Core.RowType);
        var rows = archive.Core.Rows.Select(r => (r["organismID"], r["eventDate"], r["dataGeneralizations"])).ToList();
        Assert.Equal(
        [
            ("BFS-1", "2025-01-10T00:10:00Z", "subsampled by hour: first of 2 fixes"),
            ("HC-1", "2025-01-10T00:05:00Z", "subsampled by hour: first of 2 fixes"),
            ("HC-1", "2025-01-10T01:10:00Z", "subsampled by hour: first of 2 fixes"),
            ("HC-1", "2025-01-10T03:00:00Z", "subsampled by hour: first of 1 fix"),
        ], rows);
        Assert.Equal(4, result.CoreRows);
        Assert.All(archive.Core.Rows, r => Assert.Equal(("MachineObservation", "present", "Animalia"), (r["basisOfRecord"], r["occurrenceStatus"], r["kingdom"])));
        var first = archive.Core.Rows[1];
        Assert.Equal(("34.88", "127.51", "12", "Grus monacha", "species", "Hooded Crane"),
            (first["decimalLatitude"], first["decimalLongitude"], first["coordinateUncertaintyInMeters"], first["scientificName"], first["taxonRank"], first["vernacularName"]));
        Assert.Equal("", archive.Core.Rows[3]["coordinateUncertaintyInMeters"]); // event 7 had no location error
        Assert.Equal(archive.Core.Rows.Count, archive.Core.Rows.Select(r => r["occurrenceID"]).Distinct().Count());
        Assert.Equal("Occurrence", archive.Eml.Root!.Descendants("keyword").First().Value);

        // The same subsampling in Movebank format with --hourly: events 8, 1, 4, 7.
        var csv = Path.Combine(files.Folder, "hourly-movebank.csv");
        Assert.Equal(4, await new MovebankExport(db.Database).WriteAsync(All(hourly: true), csv));
        Assert.Equal(["8", "1", "4", "7"], File.ReadAllLines(csv).Skip(1).Select(l => l.Split(',')[0]));
    }

    [Fact]
    public async Task Fixes_of_a_sensitive_species_or_near_a_sensitive_site_are_generalised_the_rest_are_exact()
    {
        await using var db = await PostgisDatabase.CreateAsync();
        Assert.NotNull((await db.Database.ImportAsync(new SiteImporter(), TestFiles.Sample("sites.csv"))).ImportId);
        await ImportAsync(db, files.Write("sensitive.csv", SmallTrack));
        await SensitiveFlags.SetSpeciesAsync(db.Database, "Black-faced Spoonbill", true);
        await SensitiveFlags.SetSiteAsync(db.Database, "KR-SCB", true);
        var path = Path.Combine(files.Folder, "sensitive.zip");

        await new TrackArchive(db.Database, new SharingOptions(), FixedTime.Default).WriteAsync(All(), path);

        var rows = DwcArchive.Read(path).Core.Rows;
        double N(DwcRow r, string t) => double.Parse(r[t], CultureInfo.InvariantCulture);
        // BFS-1: the species is sensitive. HC-1 at 00:05 is Suncheon's point itself (< 10 km of a sensitive site).
        var spoonbill = rows[0];
        Assert.Contains("species marked sensitive", spoonbill["dataGeneralizations"], StringComparison.Ordinal);
        var suncheon = rows[1];
        Assert.Contains("within 10 km of a sensitive site", suncheon["dataGeneralizations"], StringComparison.Ordinal);
        foreach (var (row, lat, lon, error) in new[] { (spoonbill, 37.59, 126.43, 0.0), (suncheon, 34.88, 127.51, 12.0) })
        {
            Assert.True(Grid.IsCellCentre(10, N(row, "decimalLatitude"), N(row, "decimalLongitude")));
            Assert.True(Grid.Meters(lat, lon, N(row, "decimalLatitude"), N(row, "decimalLongitude")) + error <= N(row, "coordinateUncertaintyInMeters"));
        }
        // 01:10 at 127.65, 34.97: about 16 km from Suncheon's point (12.8 km east, 10 km north): exact.
        Assert.Equal(("34.97", "127.65", "9", "subsampled by hour: first of 2 fixes"),
            (rows[2]["decimalLatitude"], rows[2]["decimalLongitude"], rows[2]["coordinateUncertaintyInMeters"], rows[2]["dataGeneralizations"]));

        // --generalise-km 50: every fix on the 50 km grid.
        var coarse = Path.Combine(files.Folder, "coarse.zip");
        await new TrackArchive(db.Database, new SharingOptions(), FixedTime.Default).WriteAsync(All(km: 50), coarse);
        Assert.All(DwcArchive.Read(coarse).Core.Rows, r => Assert.True(Grid.IsCellCentre(50, N(r, "decimalLatitude"), N(r, "decimalLongitude"))));
    }

    [Fact]
    public async Task Unknown_studies_and_species_are_problems_named_by_their_option()
    {
        await using var db = await PostgisDatabase.CreateAsync();
        var (selection, problems) = await TrackSelection.ParseAsync(db.Database, ["No such study"], ["Dodo"], null, null, null, null, false);
        Assert.Null(selection);
        Assert.Equal(2, problems.Count);
        Assert.Contains(problems, p => p.StartsWith("--study 'No such study'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("--species 'Dodo'", StringComparison.Ordinal));
    }

    public void Dispose() => files.Dispose();
}
