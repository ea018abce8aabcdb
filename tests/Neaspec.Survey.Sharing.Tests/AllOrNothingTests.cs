using Neaspec.Survey.Sharing.Counts;
using Neaspec.Survey.Sharing.Tests.TestUtilities;
using Neaspec.Survey.Sharing.Tracks;

namespace Neaspec.Survey.Sharing.Tests;

/// <summary>An export that fails half-way leaves nothing: no half-written archive, no temporary file, and the
/// archive of an earlier export at the same path as it was.</summary>
public sealed class AllOrNothingTests(SampleCounts sample) : IClassFixture<SampleCounts>, IDisposable
{
    private readonly TestFiles files = new();

    [Fact]
    public async Task An_export_stopped_after_its_events_leaves_the_earlier_archive_untouched_and_no_temporary_file()
    {
        var path = Path.Combine(files.Folder, "counts.zip");
        await File.WriteAllTextAsync(path, "the archive of last week");
        using var stop = new CancellationTokenSource();
        var stages = new List<string>();
        var archive = new CountArchive(sample.Db.Database, new SharingOptions(), FixedTime.Default)
        {
            // The event file is complete and the occurrences are about to stream: the worst moment to stop.
            Progress = (stage, _) =>
            {
                stages.Add(stage);
                stop.Cancel();
            },
        };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => archive.WriteAsync(new ExportSelection(), path, stop.Token));

        Assert.Equal(["events"], stages);
        Assert.Equal(["counts.zip"], Directory.GetFiles(files.Folder).Select(Path.GetFileName));
        Assert.Equal("the archive of last week", await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task A_failing_Movebank_export_writes_nothing()
    {
        var path = Path.Combine(files.Folder, "tracks.csv");
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            new MovebankExport(sample.Db.Database).WriteAsync(new TrackSelection { Filter = new ExportSelection() }, path, cancelled.Token));

        Assert.Empty(Directory.GetFiles(files.Folder));
    }

    [Fact]
    public async Task A_successful_export_replaces_the_earlier_archive_and_leaves_only_it()
    {
        var path = Path.Combine(files.Folder, "counts.zip");
        await File.WriteAllTextAsync(path, "the archive of last week");

        await new CountArchive(sample.Db.Database, new SharingOptions(), FixedTime.Default).WriteAsync(new ExportSelection(), path);

        Assert.Equal(["counts.zip"], Directory.GetFiles(files.Folder).Select(Path.GetFileName));
        Assert.Equal(26, DwcArchive.Read(path).Core.Rows.Count);
    }

    public void Dispose() => files.Dispose();
}
