using Neaspec.Survey.Testing;
using Neaspec.Survey.Ingestion.Tracks;
using Neaspec.Survey.Storage.Model;
using Npgsql;

namespace Neaspec.Survey.Ingestion.Tests.Tracks;

/// <summary>A load that breaks in the middle leaves nothing of its file, a ledger entry that says failed,
/// and a rerun that succeeds.</summary>
public sealed class TrackFailureTests(PostgisDatabase db) : IClassFixture<PostgisDatabase>, IDisposable
{
    private readonly TestFiles files = new();

    [Fact]
    public async Task A_connection_killed_during_the_copy_leaves_no_fixes_and_a_failed_entry_and_the_rerun_succeeds()
    {
        var path = Path.Combine(files.Folder, "big.csv");
        TrackGenerator.Write(path, 400_000, seed: 7);
        // Independent of the importer: the generator quotes no value with a comma in it, so a plain split finds
        // the rows whose location-long (4th column) is empty.
        var expectedFixes = File.ReadLines(path).Skip(1).LongCount(l => l.Split(',')[3].Length > 0);

        var import = Task.Run(() => db.Database.ImportAsync(new TrackImporter(), path));
        var killed = await KillCopyAsync(import);
        var result = await import;

        Assert.True(killed, "the COPY was never seen running");
        Assert.Equal(ImportStatus.Failed, result.Status);
        Assert.Contains("nothing stored", result.Message, StringComparison.Ordinal);
        Assert.Equal("failed", await db.ScalarAsync<string>($"select status from imports where id = {result.ImportId}"));
        Assert.Equal(0, await db.ScalarAsync<long>("select count(*) from fixes"));
        Assert.Equal(0, await db.ScalarAsync<long>("select count(*) from individuals"));

        var rerun = await db.Database.ImportAsync(new TrackImporter(), path);

        Assert.Equal(ImportStatus.Succeeded, rerun.Status);
        Assert.NotEqual(result.ImportId, rerun.ImportId);
        Assert.Equal(expectedFixes, rerun.RowsAccepted);
        Assert.Equal(expectedFixes, await db.ScalarAsync<long>("select count(*) from fixes"));
    }

    /// <summary>Terminates the backend that runs a COPY into this test's database (into fixes, or into a load's new
    /// months, fix_months.load_N), from a second connection.</summary>
    private async Task<bool> KillCopyAsync(Task import)
    {
        await using var conn = new NpgsqlConnection(db.ConnectionString);
        await conn.OpenAsync();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!import.IsCompleted && DateTime.UtcNow < deadline)
        {
            await using var cmd = new NpgsqlCommand(
                """
                select count(pg_terminate_backend(pid)) from pg_stat_activity
                where datname = current_database() and pid <> pg_backend_pid() and query ilike 'copy fix%'
                  and state = 'active'
                """, conn);
            if ((long)(await cmd.ExecuteScalarAsync())! > 0)
            {
                return true;
            }
            await Task.Delay(20);
        }
        return false;
    }

    public void Dispose() => files.Dispose();
}
