using Microsoft.Extensions.Time.Testing;
using Neaspec.Survey.Worker.Inbox;
using Neaspec.Survey.Worker.Tests.TestUtilities;

namespace Neaspec.Survey.Worker.Tests;

public sealed class DropFolderTests : IDisposable
{
    private readonly TestInbox inbox = new();

    public void Dispose() => inbox.Dispose();

    [Theory]
    [InlineData("counts.csv.part", true)]
    [InlineData(".counts.csv.Xa91f", true)] // rsync's temp name
    [InlineData("~$counts.csv", true)]
    [InlineData("counts.csv.tmp", true)]
    [InlineData("counts.csv.errors.csv", true)]
    [InlineData("counts.csv", false)]
    [InlineData("sites.geojson", false)]
    public void Temp_and_part_files_and_error_reports_are_never_taken(string name, bool ignored)
    {
        Assert.Equal(ignored, DropFolder.IsIgnored(name));
    }

    [Fact]
    public void A_file_written_to_within_the_stable_time_is_left_to_settle()
    {
        inbox.Drop("old.csv", "a", TimeSpan.FromMinutes(2));
        var fresh = inbox.Drop("new.csv", "a", TimeSpan.FromSeconds(1));
        inbox.Drop("upload.csv.part", "a", TimeSpan.FromMinutes(2));
        // The scan's clock stands 1 s after new.csv's write, however long the machine took to get here.
        var time = new FakeTimeProvider(new DateTimeOffset(File.GetLastWriteTimeUtc(fresh)).AddSeconds(1));
        var folder = new DropFolder(inbox.Options(stableSeconds: 60), time);

        var scan = folder.Scan();

        Assert.Equal(["old.csv"], scan.Ready.Select(f => f.Name));
        Assert.Equal(["new.csv"], scan.Settling.Select(f => f.Name));
    }

    [Fact]
    public void A_name_already_in_processed_is_kept_and_the_new_file_gets_a_time_stamp()
    {
        var folder = new DropFolder(inbox.Options(), TimeProvider.System);
        folder.EnsureFolders();
        File.WriteAllText(Path.Combine(inbox.Processed, "counts.csv"), "first");
        var path = inbox.Drop("counts.csv", "second");

        var (moved, _) = folder.MoveToProcessed(path, null);

        Assert.Equal("first", File.ReadAllText(Path.Combine(inbox.Processed, "counts.csv")));
        Assert.Equal("second", File.ReadAllText(moved));
        Assert.Matches(@"^counts\.\d{8}T\d{6}Z\.csv$", Path.GetFileName(moved));
    }

    [Fact]
    public void A_rejected_file_goes_to_quarantine_with_its_error_report_beside_it()
    {
        var folder = new DropFolder(inbox.Options(), TimeProvider.System);
        folder.EnsureFolders();
        var path = inbox.Drop("bad.csv", "x");
        var report = inbox.Drop("bad.csv.errors.csv", "file,line,column,value,reason\n");

        var (moved, movedReport) = folder.MoveToQuarantine(path, report);

        Assert.Equal(Path.Combine(inbox.Quarantine, "bad.csv"), moved);
        Assert.Equal(Path.Combine(inbox.Quarantine, "bad.csv.errors.csv"), movedReport);
        Assert.Empty(inbox.InboxFiles());
    }
}
