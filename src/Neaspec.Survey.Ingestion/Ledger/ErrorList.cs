namespace Neaspec.Survey.Ingestion.Ledger;

/// <summary>The row errors of one file: all are counted (and the rows they fall on), the first
/// <see cref="Limit"/> are kept for the ledger and the error report. Errors arrive in line order.</summary>
public sealed class ErrorList(int limit = ErrorList.DefaultLimit)
{
    public const int DefaultLimit = 1_000;

    private readonly List<RowError> kept = [];
    private long lastLine = -1;

    public int Limit { get; } = limit;

    public long Count { get; private set; }

    /// <summary>Rows with at least one error (one row may have several).</summary>
    public long Rows { get; private set; }

    public IReadOnlyList<RowError> Kept => kept;

    public void Add(RowError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        Count++;
        if (error.Line != lastLine)
        {
            Rows++;
            lastLine = error.Line;
        }
        if (kept.Count < Limit)
        {
            kept.Add(error);
        }
    }
}
