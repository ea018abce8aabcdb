using Neaspec.Survey.Ingestion.Sites;
using Neaspec.Survey.Testing;
using Neaspec.Survey.Storage.Model;

namespace Neaspec.Survey.Ingestion.Tests.Sites;

public sealed class SiteImportTests : IClassFixture<PostgisDatabase>, IDisposable
{
    private readonly PostgisDatabase db;
    private readonly TestFiles files = new();

    public SiteImportTests(PostgisDatabase db) => this.db = db;

    public void Dispose() => files.Dispose();

    [Fact]
    public async Task The_bundled_sites_file_loads_with_its_multilingual_names()
    {
        var sample = TestFiles.Sample("sites.csv");
        var expected = File.ReadAllLines(sample).Length - 1;

        var result = await db.Database.ImportAsync(new SiteImporter(), sample);

        Assert.Equal(ImportStatus.Succeeded, result.Status);
        var details = Assert.IsType<SiteImportDetails>(result.Details);
        Assert.Equal(expected, details.Inserted + details.Updated);
        Assert.Equal("순천만", await db.ScalarAsync<string>("select name_ko from sites where code = 'KR-SCB'"));
        Assert.Equal("Озеро Ханка", await db.ScalarAsync<string>("select name_ru from sites where code = 'RU-KHL'"));
        Assert.Equal(130.27, await db.ScalarAsync<double>("select st_x(location) from sites where code = 'JP-IZM'"), 6);
    }

    [Fact]
    public async Task GeoJSON_polygons_keep_their_area_and_get_a_point_inside()
    {
        var path = files.Write("sites.geojson", """
            {"type":"FeatureCollection","features":[
              {"type":"Feature","properties":{"code":"TEST-POLY","name_en":"Test marsh","name_zh":"测试湿地","country":"cn"},
               "geometry":{"type":"Polygon","coordinates":[[[116.0,29.0],[116.5,29.0],[116.5,29.4],[116.0,29.4],[116.0,29.0]]]}},
              {"type":"Feature","properties":{"code":"TEST-PT","name_en":"Test point","country":"KR"},
               "geometry":{"type":"Point","coordinates":[127.22,38.25]}}]}
            """);

        var result = await db.Database.ImportAsync(new SiteImporter(), path);

        Assert.Equal(ImportStatus.Succeeded, result.Status);
        Assert.True(await db.ScalarAsync<bool>("select st_contains(area, location) from sites where code = 'TEST-POLY'"));
        Assert.Equal("CN", await db.ScalarAsync<string>("select country_code from sites where code = 'TEST-POLY'"));
        Assert.Equal(38.25, await db.ScalarAsync<double>("select st_y(location) from sites where code = 'TEST-PT'"), 6);
    }

    [Fact]
    public async Task A_bad_site_rejects_the_whole_file_with_line_column_and_value()
    {
        var path = files.Write("bad-sites.csv", """
            site_code,name_en,country,latitude,longitude
            BAD-OK,Fine,KR,35.0,127.0
            BAD-LAT,Broken,KR,135.0,27.0
            BAD-CC,Broken,Korea,35.0,127.0
            """);

        var result = await db.Database.ImportAsync(new SiteImporter(), path);

        Assert.Equal(ImportStatus.Rejected, result.Status);
        Assert.Contains(result.Errors, e => e is { Line: 3, Column: "latitude", Value: "135.0" });
        Assert.Contains(result.Errors, e => e is { Line: 4, Column: "country", Value: "Korea" });
        Assert.Equal(0L, await db.ScalarAsync<long>("select count(*) from sites where code like 'BAD-%'"));
    }

}
