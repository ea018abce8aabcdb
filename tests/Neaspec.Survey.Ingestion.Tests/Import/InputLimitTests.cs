using System.Text;
using Microsoft.Extensions.Configuration;
using Neaspec.Survey.Ingestion.Counts;
using Neaspec.Survey.Ingestion.Import;
using Neaspec.Survey.Ingestion.Sites;
using Neaspec.Survey.Ingestion.Tracks;
using Neaspec.Survey.Storage;
using Neaspec.Survey.Storage.Model;

namespace Neaspec.Survey.Ingestion.Tests.Import;

/// <summary>Limits on what an import reads, enforced while the file streams: each overrun refuses the whole
/// file, names the line, the limit and the setting that raises it, and stores nothing — for every kind.</summary>
public sealed class InputLimitTests(PostgisDatabase db) : IClassFixture<PostgisDatabase>, IDisposable
{
    private readonly TestFiles files = new();

    public void Dispose() => files.Dispose();

    private const string CountHeader = "site_code,country,latitude,longitude,date,species,count,notes\n";
    private const string SiteHeader = "site_code,name_en,country,latitude,longitude\n";

    private static string CountRow(int i, string notes = "") => $"LIM-{i % 7},KR,35.{i % 7},127.5,2025-01-{1 + (i % 28):00},Grus monacha,{i},{notes}\n";

    private static string SiteRow(int i, string name = "Marsh") => $"LIMS-{i},{name},KR,35.{i},127.{i}\n";

    private static string TrackRow(int i, string individual = "GM-1") =>
        $"{i},2024-10-01 {i % 24:00}:00:00.000,127.{i},38.2,{individual},Limits\n";

    /// <summary>One file per kind and limit, each breaking the limit on line 3 (the header is line 1).</summary>
    private (IFileImporter Importer, string Path, ImportLimits Limits, long Line) Case(string kind, string limit)
    {
        var (importer, header, row) = kind switch
        {
            "counts" => ((IFileImporter)new CountImporter(), CountHeader, (Func<int, string, string>)((i, x) => CountRow(i, x))),
            "sites" => (new SiteImporter(), SiteHeader, (i, x) => SiteRow(i, "Marsh" + x)),
            _ => (new TrackImporter(), GzipBomb.TrackHeader, (i, x) => TrackRow(i, "GM" + x)),
        };
        var limits = new ImportLimits();
        string text;
        switch (limit)
        {
            case nameof(ImportLimits.MaxLineBytes):
                limits.MaxLineBytes = 2048;
                text = header + row(1, "") + row(2, new string('x', 3000)) + row(3, "");
                break;
            case nameof(ImportLimits.MaxFieldBytes):
                limits.MaxFieldBytes = 100;
                text = header + row(1, "") + row(2, new string('x', 101)) + row(3, "");
                break;
            case nameof(ImportLimits.MaxColumns):
                limits.MaxColumns = 8;
                text = header + row(1, "") + row(2, "") .TrimEnd('\n') + ",a,b,c,d,e,f,g,h,i\n" + row(3, "");
                break;
            case nameof(ImportLimits.MaxRows):
                limits.MaxRows = 1;
                text = header + row(1, "") + row(2, "") + row(3, "");
                break;
            default: // MaxTextBytes
                text = header + row(1, "") + row(2, "") + row(3, "");
                limits.MaxTextBytes = Encoding.UTF8.GetByteCount(header + row(1, "")) + 5;
                break;
        }
        return (importer, files.Write($"limit-{kind}-{limit}.csv", text), limits, limit == nameof(ImportLimits.MaxRows) ? 3 : limit == nameof(ImportLimits.MaxTextBytes) ? 3 : 3);
    }

    [Theory]
    [InlineData("counts", nameof(ImportLimits.MaxLineBytes))]
    [InlineData("counts", nameof(ImportLimits.MaxFieldBytes))]
    [InlineData("counts", nameof(ImportLimits.MaxColumns))]
    [InlineData("counts", nameof(ImportLimits.MaxRows))]
    [InlineData("counts", nameof(ImportLimits.MaxTextBytes))]
    [InlineData("sites", nameof(ImportLimits.MaxLineBytes))]
    [InlineData("sites", nameof(ImportLimits.MaxFieldBytes))]
    [InlineData("sites", nameof(ImportLimits.MaxColumns))]
    [InlineData("sites", nameof(ImportLimits.MaxRows))]
    [InlineData("tracks", nameof(ImportLimits.MaxLineBytes))]
    [InlineData("tracks", nameof(ImportLimits.MaxFieldBytes))]
    [InlineData("tracks", nameof(ImportLimits.MaxColumns))]
    [InlineData("tracks", nameof(ImportLimits.MaxRows))]
    [InlineData("tracks", nameof(ImportLimits.MaxTextBytes))]
    public async Task A_file_over_a_limit_is_refused_whole_naming_line_limit_and_setting(string kind, string limit)
    {
        var (importer, path, limits, line) = Case(kind, limit);

        var outcome = await new ClaimedImport(db.Database, limits).RunAsync(importer, new ImportRequest(path) { ReportDirectory = files.Folder });

        Assert.Equal(ImportStatus.Rejected, outcome.Status);
        var error = Assert.Single(outcome.Errors);
        Assert.Equal(line, error.Line);
        Assert.Contains($"Import:Limits:{limit}", error.Reason, StringComparison.Ordinal);
        Assert.Contains($"Import:Limits:{limit}", outcome.Message, StringComparison.Ordinal);
        Assert.Contains(Path.GetFileName(path), outcome.Message, StringComparison.Ordinal);
        Assert.Contains("nothing stored", outcome.Message, StringComparison.Ordinal);
        Assert.Equal("rejected", await db.ScalarAsync<string>($"select status from imports where id = {outcome.ImportId}"));
        Assert.Equal(0L, await db.ScalarAsync<long>($"select (select count(*) from counts where import_id = {outcome.ImportId}) + " +
            $"(select count(*) from fixes where import_id = {outcome.ImportId}) + (select count(*) from sites where code like 'LIMS-%')"));
    }

    [Fact]
    public async Task A_gzip_file_that_expands_more_than_the_ratio_is_refused_once_the_grace_is_past()
    {
        // 40,000 copies of one fix line compress about 1,000 times: no tracking export does that.
        var path = Path.Combine(files.Folder, "ratio.csv.gz");
        using (var gzip = new System.IO.Compression.GZipStream(File.Create(path), System.IO.Compression.CompressionLevel.SmallestSize))
        {
            gzip.Write(Encoding.UTF8.GetBytes(GzipBomb.TrackHeader));
            var line = Encoding.UTF8.GetBytes("1,2024-10-01 00:00:00.000,127.2,38.2,GM-1,Ratio" + new string(' ', 400) + "\n");
            for (var i = 0; i < 60_000; i++)
            {
                gzip.Write(line);
            }
        }

        var outcome = await new ClaimedImport(db.Database).RunAsync(new TrackImporter(), new ImportRequest(path) { ReportDirectory = files.Folder });

        Assert.Equal(ImportStatus.Rejected, outcome.Status);
        Assert.Contains("Import:Limits:MaxCompressionRatio", Assert.Single(outcome.Errors).Reason, StringComparison.Ordinal);
        Assert.Equal(0L, await db.ScalarAsync<long>($"select count(*) from fixes where import_id = {outcome.ImportId}"));
    }

    [Fact]
    public void The_settings_are_read_from_Import_Limits_and_a_bad_one_is_named()
    {
        var good = ImportLimits.Load(new ConfigurationBuilder().AddInMemoryCollection(
            new Dictionary<string, string?> { ["Import:Limits:MaxLineBytes"] = "4096", ["Import:Limits:EarliestDate"] = "1950-01-01" }).Build());
        Assert.Equal(4096, good.MaxLineBytes);
        Assert.Equal(new DateOnly(1950, 1, 1), good.EarliestDate);
        Assert.Equal(ImportLimits.Default.MaxRows, good.MaxRows);

        var bad = Assert.Throws<SettingsException>(() => ImportLimits.Load(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Import:Limits:MaxColumns"] = "0" }).Build()));
        Assert.Contains("Import:Limits:MaxColumns", bad.Message, StringComparison.Ordinal);
    }
}
