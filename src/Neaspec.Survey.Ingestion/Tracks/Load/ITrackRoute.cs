using Neaspec.Survey.Ingestion.Import;
using Neaspec.Survey.Ingestion.Tracks.Validate;

namespace Neaspec.Survey.Ingestion.Tracks.Load;

/// <summary>One way the fixes of a file go into <c>fixes</c>: <see cref="DirectCopyRoute"/> when nothing
/// stored can conflict, else <see cref="StagedMergeRoute"/>. <see cref="TrackImporter"/> tries the direct
/// route first; it may give up while staging (<see cref="DirectCopyWriter.Abandoned"/>, or a unique
/// violation), and the load then rolls back to a savepoint and takes the staged route.</summary>
internal interface ITrackRoute
{
    /// <summary>"direct copy", or "staged merge" (with why, when the direct route gave up).</summary>
    string Name { get; }

    /// <summary>Stage: reads and validates every row of <paramref name="input"/> and COPYs its fixes.</summary>
    Task<TrackRowCounts> StageAsync(TrackInput input, IProgress<ImportProgress>? progress, CancellationToken ct);

    /// <summary>Merge and flag: stores the file's individuals and tags, its fixes where the stage did not,
    /// and the speed flags; says what was stored.</summary>
    Task<StoredFixes> MergeAsync(TrackInput input, TrackRowCounts counts, CancellationToken ct);
}
