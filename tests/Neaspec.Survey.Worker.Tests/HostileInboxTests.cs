using System.Security.Cryptography;
using Neaspec.Survey.Storage.Model;
using Neaspec.Survey.Worker.Tests.TestUtilities;

namespace Neaspec.Survey.Worker.Tests;

/// <summary>The drop folder under stress: full disks, links planted where reports used to go, files that
/// come back, files no rerun can mend. Nothing is lost, nothing half-copied, every file counted once,
/// every refusal recorded once.</summary>
public sealed class HostileInboxTests : IDisposable
{
    private readonly TestInbox inbox = new();

    public void Dispose() => inbox.Dispose();

    private static string Sha(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    private static IReadOnlyList<string> AllFiles(string folder) =>
        [.. Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    [Fact]
    public async Task A_loaded_file_that_a_full_processed_disk_cannot_take_stays_whole_in_the_inbox_as_one_failed_file()
    {
        await using var db = await PostgisDatabase.CreateAsync();
        // processed/ is a 1 MiB disk of its own: the 2 MB file must be copied across, and does not fit.
        using var disk = Tmpfs.Mount(inbox.Processed, 1 << 20);
        var path = inbox.Drop("big-counts.csv", CountFiles.Large(45_000, "FULL"));
        var sha = Sha(path);

        var summary = await inbox.Runner(db.Database).RunAsync();

        var result = Assert.Single(summary.Results);
        Assert.Equal(ImportStatus.Failed, result.Status);
        Assert.Contains("could not be moved", result.Message, StringComparison.Ordinal);
        Assert.Equal((1, 0, 1, 0), (summary.Files, summary.FilesLoaded, summary.FilesFailed, summary.FilesRejected));
        Assert.Equal(sha, Sha(path));
        Assert.Empty(AllFiles(inbox.Processed));
        Assert.Equal(1L, await db.ScalarAsync<long>($"select count(*) from imports where sha256 = '{sha}' and status = 'succeeded'"));

        // With room again, the next run finds the bytes loaded and only moves the file.
        disk.Resize(64 << 20);
        var next = await inbox.Runner(db.Database).RunAsync();
        Assert.Equal(ImportStatus.Unchanged, Assert.Single(next.Results).Status);
        Assert.Equal(["big-counts.csv"], inbox.ProcessedFiles());
        Assert.Equal(sha, Sha(Path.Combine(inbox.Processed, "big-counts.csv")));
        Assert.Equal(45_000L, await db.ScalarAsync<long>("select count(*) from counts"));
    }

    [Fact]
    public async Task A_file_appended_while_it_loads_stays_in_the_inbox_and_processed_holds_only_loaded_bytes()
    {
        await using var db = await PostgisDatabase.CreateAsync();
        var path = inbox.Drop("growing.csv", CountFiles.Small("T-GROW", 1, days: 4));
        var loadedSha = Sha(path);
        // Nine more surveys (2025-02-01 .. 09), appended by the field laptop's sync once the load has begun.
        var added = string.Concat(Enumerable.Range(1, 9).Select(d => $"T-GROW,KR,40.1,129.5,2025-02-{d:00},Platalea minor,{d}\n"));
        var appended = false;
        var importers = HookedImporter.OnCounts(inbox.Options(), async ct =>
        {
            if (!appended)
            {
                appended = true;
                await File.AppendAllTextAsync(path, added, ct);
            }
        });

        var first = await inbox.Runner(db.Database, importers: importers).RunAsync();

        Assert.True(appended);
        var result = Assert.Single(first.Results);
        Assert.Equal(ImportStatus.Succeeded, result.Status);
        Assert.Contains("written to while it was imported", result.Message, StringComparison.Ordinal);
        Assert.Equal((1, 1, 0, 0), (first.Files, first.FilesLoaded, first.FilesFailed, first.FilesRejected));
        // The four rows of the snapshot are stored under the snapshot's SHA; none of the nine went anywhere.
        Assert.Equal(4L, await db.ScalarAsync<long>("select count(*) from counts"));
        Assert.Equal(1L, await db.ScalarAsync<long>($"select count(*) from imports where sha256 = '{loadedSha}' and status = 'succeeded'"));
        Assert.Empty(inbox.ProcessedFiles());
        Assert.Equal(["growing.csv"], inbox.InboxFiles());
        Assert.Equal(1 + 4 + 9, File.ReadAllLines(path).Length);

        // The next run takes the grown file whole: 4 + 9 surveys, the first four replaced, not doubled.
        var grownSha = Sha(path);
        var second = await inbox.Runner(db.Database).RunAsync();

        Assert.Equal(ImportStatus.Succeeded, Assert.Single(second.Results).Status);
        Assert.Equal(13L, await db.ScalarAsync<long>("select count(*) from counts"));
        Assert.Equal(["growing.csv"], inbox.ProcessedFiles());
        Assert.Equal(grownSha, Sha(Path.Combine(inbox.Processed, "growing.csv")));
        Assert.Equal(1L, await db.ScalarAsync<long>($"select count(*) from imports where sha256 = '{grownSha}' and status = 'succeeded'"));
    }

    [Fact]
    public async Task With_the_inbox_full_the_error_report_never_goes_to_a_link_planted_in_the_shared_temp_folder()
    {
        await using var db = await PostgisDatabase.CreateAsync();
        var name = $"hostile-{Guid.NewGuid():N}.csv";
        var work = Directory.CreateTempSubdirectory("neaspec-work-").FullName;
        var victim = Path.Combine(work, "victim.txt");
        await File.WriteAllTextAsync(victim, "precious");
        var planted = Path.Combine(Path.GetTempPath(), name + ".errors.csv");
        File.CreateSymbolicLink(planted, victim);
        try
        {
            using var disk = Tmpfs.Mount(inbox.Folder, 1 << 20);
            var options = inbox.Options();
            options.WorkFolder = Path.Combine(work, "private");
            await inbox.Runner(db.Database, options).RunAsync(); // the folders, while there is room
            inbox.Drop(name, "site_code,date,species,count\nT-BAD,2025-01-01,Platalea minor,-4\n");
            disk.Fill();

            var summary = await inbox.Runner(db.Database, options).RunAsync();

            Assert.Equal(ImportStatus.Rejected, Assert.Single(summary.Results).Status);
            Assert.Equal("precious", await File.ReadAllTextAsync(victim));
            Assert.Equal(victim, new FileInfo(planted).LinkTarget);
            Assert.Equal([name], inbox.QuarantineFiles().Where(f => f == name));
            Assert.Equal(1L, await db.ScalarAsync<long>("select count(*) from import_errors e join imports i on i.id = e.import_id where i.status = 'rejected'"));
        }
        finally
        {
            File.Delete(planted);
            Directory.Delete(work, recursive: true);
        }
    }

    [Fact]
    public async Task A_file_rejected_once_is_not_validated_or_recorded_again_when_its_bytes_come_back()
    {
        await using var db = await PostgisDatabase.CreateAsync();
        const string bad = "site_code,date,species,count\nT-AGAIN,2025-01-01,Platalea minor,-4\n";
        var sha = Sha(inbox.Drop("again.csv", bad));

        var first = await inbox.Runner(db.Database).RunAsync();
        inbox.Drop("again-copy.csv", bad);
        var second = await inbox.Runner(db.Database).RunAsync();

        Assert.Equal(ImportStatus.Rejected, Assert.Single(first.Results).Status);
        var result = Assert.Single(second.Results);
        Assert.Equal(ImportStatus.Rejected, result.Status);
        Assert.Contains("rejected before", result.Message, StringComparison.Ordinal);
        Assert.Equal(1, second.FilesRejected);
        Assert.Equal(["again-copy.csv", "again.csv", "again.csv.errors.csv"], inbox.QuarantineFiles());
        Assert.Equal(1L, await db.ScalarAsync<long>($"select count(*) from imports where sha256 = '{sha}'"));
    }

    [Theory]
    [InlineData("bomb")]
    [InlineData("utf16")]
    [InlineData("huge-id")]
    public async Task A_poison_file_goes_to_quarantine_recorded_once_instead_of_waiting_to_be_retried(string poison)
    {
        await using var db = await PostgisDatabase.CreateAsync();
        var path = Path.Combine(inbox.Folder, poison == "bomb" ? "bomb.csv.gz" : $"{poison}.csv");
        var tracks = GzipBomb.TrackHeader + "1,2024-10-01 00:00:00.000,127.2,38.2,GM-1,Poison\n";
        switch (poison)
        {
            case "bomb":
                GzipBomb.Write(path, members: 2);
                break;
            case "utf16":
                await File.WriteAllBytesAsync(path, System.Text.Encoding.BigEndianUnicode.GetBytes(tracks));
                break;
            default:
                // A B-tree cannot index an id of 3,000 random characters (PostgreSQL 54000).
                var random = new Random(5);
                var id = new string([.. Enumerable.Range(0, 3000).Select(_ => (char)random.Next('a', 'z' + 1))]);
                await File.WriteAllTextAsync(path, tracks.Replace("GM-1", id, StringComparison.Ordinal));
                break;
        }
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddMinutes(-5));
        var sha = Sha(path);

        var summary = await inbox.Runner(db.Database).RunAsync();
        var again = await inbox.Runner(db.Database).RunAsync();

        Assert.Equal(ImportStatus.Rejected, Assert.Single(summary.Results).Status);
        Assert.Empty(again.Results);
        Assert.Empty(inbox.InboxFiles());
        Assert.Contains(Path.GetFileName(path), inbox.QuarantineFiles());
        Assert.Equal(1L, await db.ScalarAsync<long>($"select count(*) from imports where sha256 = '{sha}'"));
        Assert.Equal("rejected", await db.ScalarAsync<string>($"select status from imports where sha256 = '{sha}'"));
        Assert.Equal(0L, await db.ScalarAsync<long>("select count(*) from fixes"));
    }
}
