namespace Neaspec.Survey.Ingestion.Ledger;

/// <summary>An earlier ledger entry that rejected the same bytes.</summary>
public sealed record RejectedBefore(long ImportId, DateTime? FinishedAt, string Message);
