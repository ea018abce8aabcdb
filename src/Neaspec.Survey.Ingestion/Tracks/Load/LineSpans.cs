namespace Neaspec.Survey.Ingestion.Tracks.Load;

/// <summary>Per individual (database id), the times whose track lines a load changed, first and last (UTC), and
/// the days whose pieces the load made already (<see cref="LinePieces"/>), or null.</summary>
internal sealed record LineSpans(int[] Individuals, DateTime[] From, DateTime[] To, DateOnly?[]? PiecesFrom = null, DateOnly?[]? PiecesTo = null);
