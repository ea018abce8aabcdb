using System.IO.Compression;
using System.Text;
using Neaspec.Survey.Ingestion.Import;

namespace Neaspec.Survey.Ingestion.Tests.Import;

/// <summary>The one answer to "which kind of file is this?", for the worker's inbox (header only) and the
/// portal's upload forms (with their allowed extensions).</summary>
public sealed class FileKindDetectorTests : IDisposable
{
    private readonly TestFiles files = new();

    public void Dispose() => files.Dispose();

    [Theory]
    [InlineData("site_code,site_name,country,latitude,longitude,date,time,species,count,count_type,method,observer,notes", FileKind.Counts)]
    [InlineData("\uFEFFsite_code;site_name;country;date;species;count", FileKind.Counts)]
    [InlineData("locationID,locality,countryCode,eventDate,scientificName,individualCount,recordedBy", FileKind.Counts)]
    [InlineData("site_code,name_en,name_zh,name_ja,name_ko,name_ru,name_mn,country,latitude,longitude", FileKind.Sites)]
    [InlineData("site_code\tcountry\tlatitude\tlongitude", FileKind.Sites)]
    [InlineData("\"event-id\",\"visible\",\"timestamp\",\"location-long\",\"location-lat\",\"gps:hdop\",\"individual-local-identifier\"", FileKind.Tracks)]
    [InlineData("event.id,timestamp,location.long,location.lat,individual.local.identifier", FileKind.Tracks)]
    [InlineData("event_id,timestamp,location_long,location_lat,individual_local_identifier", FileKind.Tracks)]
    [InlineData("Event-ID,Timestamp,Location-Long,Location-Lat,Individual-Local-Identifier", FileKind.Tracks)]
    [InlineData("tag-id,animal-id,animal-taxon,deploy-on-date,deploy-off-date", FileKind.Reference)]
    [InlineData("name,value", FileKind.Unknown)]
    public void The_header_tells_the_kind(string header, FileKind kind)
    {
        var path = files.Write("file.csv", header + "\n1,2,3\n");

        var detected = FileKindDetector.Detect(path);

        Assert.Equal(kind, detected.Kind);
        Assert.True(detected.IsPlainText);
    }

    private string Gzip(string name, string content)
    {
        var path = Path.Combine(files.Folder, name);
        using (var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(content));
        }
        return path;
    }

    [Fact]
    public void A_gzipped_Movebank_export_is_tracks_and_other_gzip_is_not_taken()
    {
        var tracks = Gzip("gps.csv.gz", "event-id,visible,timestamp,location-long,location-lat,individual-local-identifier\n1,true,2025-01-01 00:00:00.000,126.5,37.5,HC-01\n");
        var counts = Gzip("counts.csv.gz", "site_code,date,species,count\nKR-SCB,2025-01-12,저어새,21\n");

        var detected = FileKindDetector.Detect(tracks);
        Assert.Equal((FileKind.Tracks, "Movebank tracks (gzip)", false), (detected.Kind, detected.Description, detected.IsPlainText));
        // An upload form's extensions do not stop a gzipped Movebank export (.csv.gz).
        Assert.Equal(FileKind.Tracks, FileKindDetector.Detect(tracks, "gps.csv.gz", FileKindDetector.CsvExtensions).Kind);
        var refused = FileKindDetector.Detect(counts);
        Assert.Equal((FileKind.Unknown, false), (refused.Kind, refused.IsPlainText));
        Assert.Contains("gzip", refused.Description, StringComparison.Ordinal);
        Assert.Contains("only for Movebank tracks", refused.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void A_damaged_gzip_file_is_unknown_with_a_reason()
    {
        var detected = FileKindDetector.Detect(files.WriteBytes("broken.csv.gz", [0x1F, 0x8B, 0x08, 0, 0, 0, 0, 0, 0, 0x03, 0xFF, 0xFF, 0xFF]));

        Assert.Equal(FileKind.Unknown, detected.Kind);
        Assert.Contains("gzip", detected.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void The_real_fishers_export_gzipped_is_tracks()
    {
        Assert.Equal(FileKind.Tracks, FileKindDetector.Detect(TestFiles.Data("tracks/fishers-lapoint-newyork.csv.gz")).Kind);
    }

    [Fact]
    public void GeoJSON_is_sites()
    {
        var path = files.Write("partner.geojson", """ { "type": "FeatureCollection", "features": [] } """);

        Assert.Equal(FileKind.Sites, FileKindDetector.Detect(path).Kind);
    }

    [Fact]
    public void JSON_under_another_name_is_not_taken_for_sites()
    {
        var detected = FileKindDetector.Detect(files.Write("sites.csv", """{ "type": "FeatureCollection" }"""));

        Assert.Equal(FileKind.Unknown, detected.Kind);
        Assert.Contains(".geojson", detected.Description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("counts.xlsx", new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x00, 0x00 }, "spreadsheet workbook")]
    [InlineData("census.csv", new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14, 0, 6, 0 }, "spreadsheet workbook")]
    [InlineData("old-excel.xls", new byte[] { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 }, "spreadsheet workbook")]
    [InlineData("report.pdf", new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37 }, "PDF")]
    [InlineData("photo.csv", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D }, "binary file")]
    public void A_file_that_is_not_text_is_unknown_with_a_reason_a_person_can_act_on(string name, byte[] bytes, string reason)
    {
        var detected = FileKindDetector.Detect(files.WriteBytes(name, bytes));

        Assert.Equal((FileKind.Unknown, false), (detected.Kind, detected.IsPlainText));
        Assert.Contains(reason, detected.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void An_upload_form_refuses_other_extensions_before_reading_the_header()
    {
        var path = files.WriteBytes("notes.docx.exe", "a,b\n"u8.ToArray());

        var detected = FileKindDetector.Detect(path, "notes.docx.exe", FileKindDetector.CsvExtensions);

        Assert.Equal((FileKind.Unknown, false), (detected.Kind, detected.IsPlainText));
        Assert.Contains("only CSV files are accepted (.csv, .txt, .tsv), not '.exe'", detected.Description, StringComparison.Ordinal);
        // Without the form's rule the same bytes are text whose header no importer knows.
        Assert.True(FileKindDetector.Detect(path).IsPlainText);
    }

    [Fact]
    public void The_name_the_file_came_with_decides_the_extension_not_the_path()
    {
        // The portal keeps an upload under a safe name; the name as sent is what the rules look at.
        var path = files.Write("upload", """{ "type": "FeatureCollection", "features": [] }""");

        Assert.Equal(FileKind.Sites, FileKindDetector.Detect(path, "partner.geojson", [".csv", ".geojson"]).Kind);
        Assert.Equal(FileKind.Unknown, FileKindDetector.Detect(path, "partner.txt").Kind);
    }

    [Fact]
    public void An_empty_file_is_unknown()
    {
        var detected = FileKindDetector.Detect(files.Write("empty.csv", ""));

        Assert.Equal(("the file is empty", false), (detected.Description, detected.IsPlainText));
    }

    [Theory]
    [InlineData(FileKind.Counts, "counts")]
    [InlineData(FileKind.Tracks, "tracks")]
    [InlineData(FileKind.Unknown, "unknown")]
    public void The_ledger_has_a_word_for_each_kind(FileKind kind, string ledgerKind)
    {
        Assert.Equal(ledgerKind, new DetectedFile(kind, "", true).LedgerKind);
    }
}
