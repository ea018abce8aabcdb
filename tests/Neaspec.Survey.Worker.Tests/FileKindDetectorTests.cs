using Neaspec.Survey.Testing;
using Neaspec.Survey.Worker.Inbox;

namespace Neaspec.Survey.Worker.Tests;

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
    [InlineData("tag-id,animal-id,animal-taxon,deploy-on-date,deploy-off-date", FileKind.Reference)]
    [InlineData("name,value", FileKind.Unknown)]
    public void The_header_tells_the_kind(string header, FileKind kind)
    {
        var path = files.Write("file.csv", header + "\n1,2,3\n");

        Assert.Equal(kind, FileKindDetector.Detect(path).Kind);
    }

    private string Gzip(string name, string content)
    {
        var path = Path.Combine(files.Folder, name);
        using (var gzip = new System.IO.Compression.GZipStream(File.Create(path), System.IO.Compression.CompressionLevel.Fastest))
        {
            gzip.Write(System.Text.Encoding.UTF8.GetBytes(content));
        }
        return path;
    }

    [Fact]
    public void A_gzipped_Movebank_export_is_tracks_and_other_gzip_is_not_taken()
    {
        var tracks = Gzip("gps.csv.gz", "event-id,visible,timestamp,location-long,location-lat,individual-local-identifier\n1,true,2025-01-01 00:00:00.000,126.5,37.5,HC-01\n");
        var counts = Gzip("counts.csv.gz", "site_code,date,species,count\nKR-SCB,2025-01-12,저어새,21\n");

        Assert.Equal(FileKind.Tracks, FileKindDetector.Detect(tracks).Kind);
        var refused = FileKindDetector.Detect(counts);
        Assert.Equal(FileKind.Unknown, refused.Kind);
        Assert.Contains("gzip", refused.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void The_real_fishers_export_gzipped_is_tracks()
    {
        Assert.Equal(FileKind.Tracks, FileKindDetector.Detect(Path.Combine(TestFiles.RepoRoot(), "tests", "Neaspec.Survey.Ingestion.Tests", "TestData", "tracks", "fishers-lapoint-newyork.csv.gz")).Kind);
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

    [Fact]
    public void A_spreadsheet_saved_as_xlsx_is_unknown_with_a_reason()
    {
        var detected = FileKindDetector.Detect(files.WriteBytes("counts.xlsx", [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x00, 0x00]));

        Assert.Equal(FileKind.Unknown, detected.Kind);
        Assert.Contains("binary", detected.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void An_empty_file_is_unknown()
    {
        Assert.Equal("the file is empty", FileKindDetector.Detect(files.Write("empty.csv", "")).Description);
    }
}
