using Neaspec.Survey.Ingestion.Import;
using Neaspec.Survey.Ingestion.Ledger;
using Neaspec.Survey.Ingestion.Tracks.Load;
using Neaspec.Survey.Ingestion.Tracks.Read;
using Neaspec.Survey.Ingestion.Tracks.Validate;
using Neaspec.Survey.Storage.Model;
using Npgsql;

namespace Neaspec.Survey.Ingestion.Tracks;

/// <summary>Loads a Movebank tracks file in the claimed import's transaction, stage by stage: read (the
/// reference data, the header) -> begin (the study, locked) -> stage (rows read, validated and COPYed by a
/// route: <see cref="DirectCopyRoute"/> when nothing stored can conflict, else <see cref="StagedMergeRoute"/>)
/// -> merge and flag (individuals, tags, fixes deduplicated by study + event id, else individual + time;
/// the speed filter) -> finish (species, deployments, <c>track_sources</c>) -> lines (<c>track_days</c>,
/// <c>track_seasons</c> of what changed). SQL: <see cref="TrackSql"/>.</summary>
public sealed class TrackImporter(TrackImportOptions? options = null) : IFileImporter
{
    private readonly TrackImportOptions options = options ?? new TrackImportOptions();

    public string Kind => ImportKind.Tracks;

    public async Task<ImportOutcome> LoadAsync(ClaimedFile claimed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        var name = claimed.File.Name;
        DeploymentReference? reference = null;
        if (options.ReferencePath is not null)
        {
            reference = DeploymentReference.Read(options.ReferencePath, claimed.Limits);
            if (reference.Errors.Count > 0)
            {
                return Rejected($"{Path.GetFileName(options.ReferencePath)}: bad reference data; nothing loaded", reference.Errors);
            }
        }
        using var input = TrackInput.Open(claimed, options.Study ?? StudyFromFileName(name), reference);
        if (input.HeaderProblem is { } problem)
        {
            return Rejected($"{name}: {problem}", [new RowError(1, null, null, problem)],
                input.HeaderNeedsDeployments ? ImportRemedy.ReferenceData : ImportRemedy.None);
        }
        try
        {
            return await LoadRowsAsync(claimed, input, reference, cancellationToken);
        }
        catch (InvalidDataException ex)
        {
            // A broken gzip stream is bad input, not a failed load: a rerun of these bytes cannot succeed.
            return Rejected($"{name}: not a valid gzip file ({ex.Message}); nothing stored", []);
        }
    }

    private async Task<ImportOutcome> LoadRowsAsync(ClaimedFile claimed, TrackInput input, DeploymentReference? reference, CancellationToken ct)
    {
        var clock = new StageClock();
        var study = await TrackStudy.BeginAsync(claimed.Connection, input.Start(), ct);
        var (route, counts) = await StageAsync(claimed, input, study, clock, ct);
        if (counts.Errors.Count > 0 && !options.AcceptPartial)
        {
            return Rejected($"{claimed.File.Name}: {counts.Errors.Rows:N0} bad row(s), {counts.Errors.Count:N0} error(s); nothing stored",
                counts.Errors.Kept, ImportRemedy.AcceptPartial) with
            {
                RowsRead = input.RowsRead, RowsRejected = counts.Errors.Rows, ErrorCount = counts.Errors.Count,
                Details = Details(input, counts, null, route),
            };
        }
        var stored = await route.MergeAsync(input, counts, ct);
        clock.Lap("merge and flag");
        var speciesSet = await TrackFinish.RunAsync(claimed.Connection, claimed.ImportId, study, input, counts, stored, reference, ct);
        clock.Lap("species, deployments, track_sources");
        await TrackLines.RefreshAsync(claimed.Connection, claimed.ImportId, stored, speciesSet, ct);
        clock.Lap("track lines");
        (route as IDisposable)?.Dispose();
        return Loaded(claimed.File.Name, input, counts, stored, route) with { Timings = clock.Timings };
    }

    /// <summary>Stage by the direct route when the file has rows, else (or when it gives up) by the staged one.</summary>
    private async Task<(ITrackRoute Route, TrackRowCounts Counts)> StageAsync(ClaimedFile claimed, TrackInput input, TrackStudy study,
        StageClock clock, CancellationToken ct)
    {
        var conn = claimed.Connection;
        string? whyNotDirect = null;
        if (input.HasRows)
        {
            var months = FileMonths.Read(claimed.OpenText(gunzip: true), claimed.Limits, claimed.Dates, ct);
            clock.Lap("months of the file");
            await Db.ExecuteAsync(conn, TrackSql.SavepointDirectCopy, ct);
            var direct = await DirectCopyRoute.PrepareAsync(conn, study, claimed.ImportId, options.SpeedLimitKmh, input.Keys, months, ct);
            try
            {
                var counts = await direct.StageAsync(input, claimed.Progress, ct);
                clock.Lap("read + copy into fixes");
                if (counts.Errors.Count == 0 || options.AcceptPartial)
                {
                    // (A file with bad rows that is not loaded partly is rolled back: no index is built for it.)
                    await direct.IndexNewMonthsAsync(ct);
                    clock.Lap("index new months");
                }
                return (direct, counts);
            }
            catch (Exception ex) when (ex is DirectCopyWriter.Abandoned or PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
            {
                whyNotDirect = ex is DirectCopyWriter.Abandoned ? ex.Message : "duplicates inside the file";
                direct.Dispose();
                await Db.ExecuteAsync(conn, TrackSql.RollbackToDirectCopy, ct);
                input.Restart();
                clock.Lap($"direct copy abandoned ({whyNotDirect})");
            }
        }
        var staged = new StagedMergeRoute(conn, claimed.ImportId, options.SpeedLimitKmh, whyNotDirect);
        var stagedCounts = await staged.StageAsync(input, claimed.Progress, ct);
        clock.Lap("read + copy to staging");
        return (staged, stagedCounts);
    }

    private static ImportOutcome Rejected(string message, IReadOnlyList<RowError> errors, ImportRemedy remedies = ImportRemedy.None) => new()
    {
        Status = ImportStatus.Rejected, Message = message, Errors = errors, ErrorCount = errors.Count, Remedies = remedies,
    };

    private static ImportOutcome Loaded(string name, TrackInput input, TrackRowCounts counts, StoredFixes stored, ITrackRoute route)
    {
        var duplicates = counts.Fixes - stored.Stored;
        var errors = counts.Errors;
        return new ImportOutcome
        {
            Status = errors.Count > 0 ? ImportStatus.Partial : ImportStatus.Succeeded,
            Message = $"{name}: {stored.Stored:N0} fixes stored, {duplicates:N0} duplicates, {stored.Flagged:N0} flagged " +
                $"({stored.SpeedFlagged:N0} by speed), {counts.NoFix:N0} rows without a fix, {counts.NonLocation:N0} non-location rows, " +
                $"{counts.NoIndividual:N0} rows of undeployed tags, {errors.Rows:N0} bad rows",
            RowsRead = input.RowsRead, RowsAccepted = stored.Stored, RowsRejected = errors.Rows, Duplicates = duplicates,
            Flagged = stored.Flagged, Errors = errors.Kept, ErrorCount = errors.Count, Details = Details(input, counts, stored, route),
        };
    }

    private static TrackImportDetails Details(TrackInput input, TrackRowCounts counts, StoredFixes? stored, ITrackRoute route) =>
        new(stored?.SpeedFlagged ?? 0, counts.NoFix, counts.NonLocation, counts.NoIndividual, stored?.IndividualIds.Length ?? 0,
            [.. input.Header.Attributes.Select(a => a.Name)], route.Name);

    /// <summary>"fishers-lapoint-newyork.csv.gz" -> "fishers-lapoint-newyork".</summary>
    public static string StudyFromFileName(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        var stem = Path.GetFileName(fileName);
        foreach (var ext in new[] { ".gz", ".csv", ".txt" })
        {
            if (stem.EndsWith(ext, StringComparison.OrdinalIgnoreCase))
            {
                stem = stem[..^ext.Length];
            }
        }
        return stem;
    }
}
