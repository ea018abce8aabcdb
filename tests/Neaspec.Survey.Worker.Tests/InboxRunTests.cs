using Neaspec.Survey.Testing;
using Neaspec.Survey.Storage.Model;
using Neaspec.Survey.Worker.Tests.TestUtilities;

namespace Neaspec.Survey.Worker.Tests;

/// <summary>A run over a drop folder against the real PostGIS: what is loaded, what is turned away and
/// why, and what the ledger and the run summary keep. Each test has a database of its own.</summary>
public sealed class InboxRunTests : IDisposable
{
    private readonly TestInbox inbox = new();

    public void Dispose() => inbox.Dispose();



    [Fact]
    public async Task The_sample_files_load_sites_first_and_move_to_processed()
    {
        await using var db = await PostgisDatabase.CreateAsync();
        // Named so that alphabetical order would load the counts before the sites they name.
        inbox.DropCopy(TestFiles.Sample("crane-counts-2024-2025.csv"), "a-crane-counts.csv");
        inbox.DropCopy(TestFiles.Sample("spoonbill-census-2025-01.csv"));
        inbox.DropCopy(TestFiles.Sample("sites.csv"), "z-sites.csv");

        var summary = await inbox.Runner(db.Database).RunAsync();

        Assert.Equal(ImportRunStatus.Succeeded, summary.Status);
        Assert.Equal(0, summary.ExitCode);
        Assert.Equal(3, summary.FilesLoaded);
        Assert.Equal(["a-crane-counts.csv", "spoonbill-census-2025-01.csv", "z-sites.csv"], inbox.ProcessedFiles());
        Assert.Empty(inbox.InboxFiles());
        Assert.Equal(3L, await db.ScalarAsync<long>($"select count(*) from imports where status = 'succeeded' and run_id = {summary.RunId}"));
        Assert.Equal(summary.Rows, await db.ScalarAsync<long>("select count(*) from counts") + await db.ScalarAsync<long>("select count(*) from sites where not is_provisional"));
    }

    [Fact]
    public async Task The_run_summary_is_kept_in_the_ledger()
    {
        await using var db = await PostgisDatabase.CreateAsync();
        inbox.Drop("a.csv", CountFiles.Small("T-A", 1, days: 3));
        inbox.Drop("b.csv", "site_code,date,species,count\nT-B,2025-01-01,Platalea minor,-4\n");

        var summary = await inbox.Runner(db.Database).RunAsync();

        Assert.Equal(ImportRunStatus.CompletedWithErrors, summary.Status);
        Assert.Equal(1, summary.ExitCode);
        await using var context = db.Database.CreateContext();
        var run = context.ImportRuns.Single(r => r.Id == summary.RunId);
        Assert.Equal((ImportRunStatus.CompletedWithErrors, 2, 1, 1, 3L, 1L, 0), (run.Status, run.Files, run.FilesLoaded, run.FilesRejected, run.Rows, run.Rejects, run.FilesLeft));
        Assert.NotNull(run.FinishedAt);
        Assert.Equal(Environment.MachineName, run.Host);
        Assert.Contains("1 loaded", run.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_corrupt_file_is_quarantined_with_its_reason_and_the_others_still_load()
    {
        await using var db = await PostgisDatabase.CreateAsync();
        inbox.Drop("good.csv", CountFiles.Small("T-GOOD", 2));
        File.WriteAllBytes(Path.Combine(inbox.Folder, "census.xlsx"), [0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0, 0x08, 0]);
        File.SetLastWriteTimeUtc(Path.Combine(inbox.Folder, "census.xlsx"), DateTime.UtcNow.AddHours(-1));
        inbox.Drop("bad-row.csv", "site_code,country,latitude,longitude,date,species,count\nT-BAD,KR,41.0,129.5,2025-02-01,Platalea minor,4\nT-BAD,KR,41.0,129.5,2025-02-30,Platalea minor,5\n");
        inbox.Drop("broken.geojson", """{ "type": "FeatureCollection", "features": [ { "type": "Feature", """);

        var summary = await inbox.Runner(db.Database).RunAsync();

        Assert.Equal(1, summary.ExitCode);
        Assert.Equal((1, 3), (summary.FilesLoaded, summary.FilesRejected));
        Assert.Equal(["good.csv"], inbox.ProcessedFiles());
        Assert.Equal(["bad-row.csv", "bad-row.csv.errors.csv", "broken.geojson", "broken.geojson.errors.csv", "census.xlsx", "census.xlsx.errors.csv"],
            inbox.QuarantineFiles());
        Assert.Empty(inbox.InboxFiles());
        Assert.Contains("spreadsheet workbook", File.ReadAllText(Path.Combine(inbox.Quarantine, "census.xlsx.errors.csv")), StringComparison.Ordinal);
        Assert.Contains("2025-02-30", File.ReadAllText(Path.Combine(inbox.Quarantine, "bad-row.csv.errors.csv")), StringComparison.Ordinal);
        // The way out, in the worker's own settings (the importer's message names no option).
        Assert.Contains("Worker:AcceptPartial = true", summary.Results.Single(r => r.Name == "bad-row.csv").Message, StringComparison.Ordinal);
        Assert.Contains("GeoJSON", File.ReadAllText(Path.Combine(inbox.Quarantine, "broken.geojson.errors.csv")), StringComparison.Ordinal);
        // The ledger keeps each rejection with its reason and points at the report where it now lies.
        Assert.Equal(3L, await db.ScalarAsync<long>($"select count(*) from imports where status = 'rejected' and run_id = {summary.RunId} and error_report_path like '%/quarantine/%'"));
        Assert.Equal("unknown", await db.ScalarAsync<string>("select kind from imports where original_name = 'census.xlsx'"));
        Assert.Equal(2L, await db.ScalarAsync<long>("select count(*) from counts"));
    }

    [Fact]
    public async Task The_same_bytes_dropped_again_are_not_loaded_twice()
    {
        await using var db = await PostgisDatabase.CreateAsync();
        var content = CountFiles.Small("T-TWICE", 3);
        inbox.Drop("first.csv", content);
        await inbox.Runner(db.Database).RunAsync();
        inbox.Drop("first-again.csv", content);

        var second = await inbox.Runner(db.Database).RunAsync();

        Assert.Equal((0, 1), (second.FilesLoaded, second.FilesUnchanged));
        Assert.Equal(["first-again.csv", "first.csv"], inbox.ProcessedFiles());
        Assert.Equal(1L, await db.ScalarAsync<long>("select count(*) from imports where status = 'succeeded'"));
        Assert.Equal(2L, await db.ScalarAsync<long>("select count(*) from counts"));
    }

    [Fact]
    public async Task A_Movebank_file_is_loaded_and_its_reference_data_waits_for_an_operator()
    {
        await using var db = await PostgisDatabase.CreateAsync();
        inbox.Drop("gps.csv", "event-id,visible,timestamp,location-long,location-lat,individual-local-identifier,individual-taxon-canonical-name,study-name\n" +
            "1,true,2025-01-01 00:00:00.000,126.5,37.5,HC-01,Grus monacha,Worker test\n" +
            "2,true,2025-01-01 01:00:00.000,126.6,37.5,HC-01,Grus monacha,Worker test\n");
        inbox.Drop("ref.csv", "tag-id,animal-id,animal-taxon,deploy-on-date\nT1,HC-01,Grus monacha,2024-10-01 00:00:00.000\n");
        var logger = new TestLogger<ImportRunner>();

        var summary = await inbox.Runner(db.Database, logger: logger).RunAsync();

        Assert.Equal((1, 1), (summary.FilesLoaded, summary.FilesLeft));
        Assert.Equal(["gps.csv"], inbox.ProcessedFiles());
        Assert.Equal(["ref.csv"], inbox.InboxFiles());
        Assert.Equal(2L, await db.ScalarAsync<long>("select count(*) from fixes"));
        Assert.Equal(1, logger.Lines.Count(l => l.Contains("loads with its tracks file", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_file_still_being_written_is_not_taken()
    {
        await using var db = await PostgisDatabase.CreateAsync();
        inbox.Drop("settled.csv", CountFiles.Small("T-SET", 4));
        inbox.Drop("fresh.csv", CountFiles.Small("T-FRESH", 5), age: TimeSpan.Zero);
        inbox.Drop("upload.csv.part", CountFiles.Small("T-PART", 6));

        var summary = await inbox.Runner(db.Database, inbox.Options(stableSeconds: 30)).RunAsync();

        Assert.Equal(1, summary.FilesLoaded);
        Assert.Equal(["fresh.csv", "upload.csv.part"], inbox.InboxFiles());
        Assert.Equal(1, summary.FilesLeft); // a .part file is the uploader's, not counted
    }

    [Fact]
    public async Task A_worker_killed_mid_run_is_recorded_as_abandoned_by_the_next_run()
    {
        await using var db = await PostgisDatabase.CreateAsync();
        await db.ScalarAsync<long>("insert into import_runs (started_at, host, status, files, files_loaded, files_rejected, files_left, rows, rejects, duration_seconds) values (now() - interval '1 day', 'gone', 'running', 0, 0, 0, 0, 0, 0, 0) returning id");

        await inbox.Runner(db.Database).RunAsync();

        Assert.Equal("abandoned", await db.ScalarAsync<string>("select status from import_runs where host = 'gone'"));
    }
}
