using Neaspec.Survey.Ingestion.Import;
using Neaspec.Survey.Ingestion.Ledger;
using Neaspec.Survey.Testing;
using Neaspec.Survey.Storage.Model;

namespace Neaspec.Survey.Ingestion.Tests.Ledger;

public sealed class ImportLedgerTests : IClassFixture<PostgisDatabase>
{
    private readonly PostgisDatabase db;

    public ImportLedgerTests(PostgisDatabase db) => this.db = db;

    private static string Sha(char c) => new(c, 64);

    [Fact]
    public async Task A_live_claim_blocks_a_second_claim_of_the_same_bytes()
    {
        var ledger = new ImportLedger(db.Database);
        var first = Assert.IsType<LedgerClaim.Claimed>(await ledger.ClaimAsync(Sha('a'), ImportKind.Counts, "a.csv", "t"));
        await using (first.Connection)
        {
            var second = await ledger.ClaimAsync(Sha('a'), ImportKind.Counts, "a.csv", "t");
            Assert.Equal(first.ImportId, Assert.IsType<LedgerClaim.InProgress>(second).ImportId);
        }
    }

    [Fact]
    public async Task A_finished_import_makes_the_next_claim_already_imported()
    {
        var ledger = new ImportLedger(db.Database);
        var claim = Assert.IsType<LedgerClaim.Claimed>(await ledger.ClaimAsync(Sha('b'), ImportKind.Counts, "b.csv", "t"));
        await ledger.FinishAsync(claim.ImportId, new ImportOutcome { Status = ImportStatus.Succeeded, Message = "b.csv: 3 rows", RowsRead = 3, RowsAccepted = 3 });
        await claim.Connection.DisposeAsync();

        var again = await ledger.ClaimAsync(Sha('b'), ImportKind.Counts, "b.csv", "t");

        Assert.Equal(claim.ImportId, Assert.IsType<LedgerClaim.AlreadyImported>(again).ImportId);
    }

    [Fact]
    public async Task The_claim_of_a_loader_that_died_is_marked_failed_and_the_file_can_be_claimed_again()
    {
        var ledger = new ImportLedger(db.Database);
        var dead = Assert.IsType<LedgerClaim.Claimed>(await ledger.ClaimAsync(Sha('c'), ImportKind.Tracks, "c.csv", "t"));
        // The loader's process dies: its session (and the advisory lock) ends without a FinishAsync.
        await dead.Connection.DisposeAsync();
        Npgsql.NpgsqlConnection.ClearAllPools();

        var retry = await ledger.ClaimAsync(Sha('c'), ImportKind.Tracks, "c.csv", "t");

        var claimed = Assert.IsType<LedgerClaim.Claimed>(retry);
        await claimed.Connection.DisposeAsync();
        Assert.NotEqual(dead.ImportId, claimed.ImportId);
        Assert.Equal("failed", await db.ScalarAsync<string>($"select status from imports where id = {dead.ImportId}"));
    }

    [Fact]
    public async Task A_rejected_attempt_does_not_block_a_later_one()
    {
        var ledger = new ImportLedger(db.Database);
        await ledger.RecordAsync(Sha('d'), ImportKind.Counts, "d.csv", "t",
            new ImportOutcome { Status = ImportStatus.Rejected, Message = "d.csv: rejected", Errors = [new RowError(2, "count", "x", "bad")] });

        var claim = await ledger.ClaimAsync(Sha('d'), ImportKind.Counts, "d.csv", "t");

        await Assert.IsType<LedgerClaim.Claimed>(claim).Connection.DisposeAsync();
    }
}
