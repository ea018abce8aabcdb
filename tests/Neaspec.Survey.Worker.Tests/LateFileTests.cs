using System.Text;
using Neaspec.Survey.Testing;
using Microsoft.Extensions.Time.Testing;
using Neaspec.Survey.Ingestion.Import;
using Neaspec.Survey.Worker.Tests.TestUtilities;

namespace Neaspec.Survey.Worker.Tests;

/// <summary>Files that appear in the inbox while a run is in progress.</summary>
public sealed class LateFileTests : IDisposable
{
    private readonly TestInbox inbox = new();

    public void Dispose() => inbox.Dispose();

    /// <summary>The count importer, with a hook that runs while the first file is being loaded.</summary>
    private Dictionary<FileKind, IFileImporter> WithHook(Func<Task> duringFirstImport)
    {
        var first = true;
        return HookedImporter.OnCounts(inbox.Options(), async _ =>
        {
            if (first)
            {
                first = false;
                await duringFirstImport();
            }
        });
    }

    [Fact]
    public async Task A_complete_file_arriving_during_the_run_is_taken_by_the_same_run()
    {
        await using var db = await PostgisDatabase.CreateAsync();
        inbox.Drop("early.csv", CountFiles.Small("T-EARLY", 1));
        var importers = WithHook(() =>
        {
            inbox.Drop("late.csv", CountFiles.Small("T-LATE", 2));
            return Task.CompletedTask;
        });

        var summary = await inbox.Runner(db.Database, importers: importers).RunAsync();

        Assert.Equal(2, summary.FilesLoaded);
        Assert.Equal(["early.csv", "late.csv"], inbox.ProcessedFiles());
    }

    [Fact]
    public async Task A_file_half_written_when_the_run_ends_is_left_whole_for_the_next_run()
    {
        await using var db = await PostgisDatabase.CreateAsync();
        inbox.Drop("early.csv", CountFiles.Small("T-EARLY", 1));
        var late = CountFiles.Small("T-LATE", 2, days: 20);
        var half = late.Length / 2;
        var latePath = Path.Combine(inbox.Folder, "late.csv");
        var importers = WithHook(() =>
        {
            // A partner's sync has written half of the file when the run looks again.
            File.WriteAllText(latePath, late[..half], new UTF8Encoding(false));
            return Task.CompletedTask;
        });
        var options = inbox.Options(stableSeconds: 2);
        // The worker's clock stands still unless the test moves it: the half-written file is as new as can be.
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);

        var first = await inbox.Runner(db.Database, options, importers: importers, time: time).RunAsync();

        Assert.Equal((1, 1), (first.FilesLoaded, first.FilesLeft));
        Assert.Equal(["late.csv"], inbox.InboxFiles());
        Assert.Equal(0L, await db.ScalarAsync<long>("select count(*) from imports where original_name = 'late.csv'"));

        // The sync finishes; once the file has been quiet for StableSeconds the next run takes it whole.
        File.AppendAllText(latePath, late[half..], new UTF8Encoding(false));
        time.SetUtcNow(File.GetLastWriteTimeUtc(latePath) + TimeSpan.FromSeconds(2.2));
        var second = await inbox.Runner(db.Database, options, time: time).RunAsync();

        Assert.Equal((1, 20L), (second.FilesLoaded, second.Rows));
        Assert.Equal(["early.csv", "late.csv"], inbox.ProcessedFiles());
        Assert.Equal(20L, await db.ScalarAsync<long>("select count(*) from counts c join surveys s on s.id = c.survey_id join sites t on t.id = s.site_id where t.code = 'T-LATE'"));
    }
}
