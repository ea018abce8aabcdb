using Npgsql;

namespace Neaspec.Survey.Ingestion.Ledger;

/// <summary>The outcome of trying to claim a file in the ledger.</summary>
public abstract record LedgerClaim
{
    /// <summary>The file is ours to load; <see cref="Connection"/> holds the claim's advisory lock until
    /// disposed, so a crashed loader's claim can be recognised as abandoned.</summary>
    public sealed record Claimed(long ImportId, NpgsqlConnection Connection) : LedgerClaim;

    /// <summary>The same bytes were loaded before (import <see cref="ImportId"/>).</summary>
    public sealed record AlreadyImported(long ImportId, DateTime FinishedAt) : LedgerClaim;

    /// <summary>Another live loader is loading the same bytes right now.</summary>
    public sealed record InProgress(long ImportId) : LedgerClaim;
}
