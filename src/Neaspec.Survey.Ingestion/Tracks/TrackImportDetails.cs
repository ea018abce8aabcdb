using Neaspec.Survey.Ingestion.Import;

namespace Neaspec.Survey.Ingestion.Tracks;

/// <summary>What only a tracks import has to say.</summary>
/// <param name="SpeedFlagged">Fixes stored with the speed flag (of <see cref="ImportOutcome.Flagged"/>).</param>
/// <param name="RowsWithoutLocation">A location sensor's rows without coordinates: counted, not stored.</param>
/// <param name="NonLocationRows">Rows of sensors that give no location (accelerometer, ...): counted, not stored.</param>
/// <param name="RowsWithoutIndividual">Fixes of a tag that no animal wore at the time (no individual named, no
/// deployment covering its time): counted, not stored.</param>
/// <param name="Individuals">Individuals the file's fixes belong to.</param>
/// <param name="AttributeColumns">Columns kept per fix in <c>fixes.attributes</c>.</param>
/// <param name="Route">How the fixes went in: "direct copy", or "staged merge" (and why).</param>
public sealed record TrackImportDetails(long SpeedFlagged, long RowsWithoutLocation, long NonLocationRows, long RowsWithoutIndividual,
    int Individuals, IReadOnlyList<string> AttributeColumns, string? Route) : ImportDetails;
