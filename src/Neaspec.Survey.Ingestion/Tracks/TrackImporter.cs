using System.Diagnostics;
using Neaspec.Survey.Ingestion.Ledger;
using Neaspec.Survey.Storage;
using Neaspec.Survey.Storage.Model;
using Npgsql;
using NpgsqlTypes;

namespace Neaspec.Survey.Ingestion.Tracks;

/// <summary>How a tracks file is imported.</summary>
public sealed record TrackImportOptions
{
    /// <summary>Default speed limit of the speed filter, km/h: well above the fastest sustained ground
    /// speeds of migrating cranes and spoonbills with a tailwind (about 100 km/h), well below the
    /// apparent speeds of GPS glitches (hundreds of km between hourly fixes).</summary>
    public const double DefaultSpeedLimitKmh = 150;

    public double SpeedLimitKmh { get; init; } = DefaultSpeedLimitKmh;

    /// <summary>Store the good rows of a file that has bad ones (ledger status partial); otherwise one bad
    /// row rejects the file and nothing is stored.</summary>
    public bool AcceptPartial { get; init; }

    /// <summary>Movebank reference data (deployments) to link tags to animals.</summary>
    public string? ReferencePath { get; init; }

    /// <summary>The study of rows that name none; default: the file's name without extensions.</summary>
    public string? Study { get; init; }

    public string? ImportedBy { get; init; } = Environment.UserName;
}

/// <summary>Where an import is, for a progress bar.</summary>
public readonly record struct TrackImportProgress(long BytesRead, long BytesTotal, long Rows, string Stage);

/// <summary>What an import did. <see cref="Status"/> is a ledger status; <see cref="ImportStatus.Unchanged"/>
/// when the same bytes were imported before (nothing done), <see cref="ImportStatus.Running"/> when
/// another loader has the file right now.</summary>
public sealed record TrackImportResult(string Status, long ImportId)
{
    public string FileName { get; init; } = "";
    public long RowsRead { get; init; }
    public long FixesStored { get; init; }
    public long Duplicates { get; init; }
    public long Flagged { get; init; }
    public long SpeedFlagged { get; init; }
    public long RowsWithoutLocation { get; init; }
    public long NonLocationRows { get; init; }
    /// <summary>Fixes of a tag that no animal wore at the time (no individual named, no deployment): not stored.</summary>
    public long RowsWithoutIndividual { get; init; }
    public long RowsRejected { get; init; }
    public int ErrorCount { get; init; }
    public IReadOnlyList<RowError> Errors { get; init; } = [];
    public IReadOnlyList<string> AttributeColumns { get; init; } = [];
    public int Individuals { get; init; }
    public string? Message { get; init; }
    public TimeSpan Elapsed { get; init; }
    /// <summary>Wall time of each stage (read + COPY, keys, merge, speed filter, ...).</summary>
    public IReadOnlyList<(string Stage, TimeSpan Took)> Timings { get; init; } = [];
    /// <summary>How the fixes went in: "direct copy" or "staged merge" (and why).</summary>
    public string? Route { get; init; }

    /// <summary>Why a load failed (status failed): a caller that retries database faults (the worker) looks
    /// at it; nothing was stored.</summary>
    public Exception? Failure { get; init; }
}

/// <summary>Loads Movebank tracks files: streams the file into an unlogged staging table with binary
/// COPY, then merges set-based into <c>fixes</c> (dedup by study + event id, else individual + time),
/// flags implausible speeds and writes the ledger, all in one transaction on the claim's connection.</summary>
public sealed class TrackImporter(SurveyDatabase database)
{
    private readonly ImportLedger ledger = new(database);

    public async Task<TrackImportResult> ImportAsync(string path, TrackImportOptions options,
        IProgress<TrackImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        var clock = Stopwatch.StartNew();
        var name = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such file", path);
        }
        var sha = await FileFingerprint.Sha256Async(path, cancellationToken);

        DeploymentReference? reference = null;
        if (options.ReferencePath is not null)
        {
            reference = DeploymentReference.Read(options.ReferencePath);
            if (reference.Errors.Count > 0)
            {
                var message = $"{Path.GetFileName(options.ReferencePath)}: bad reference data; nothing loaded";
                var id = await ledger.RecordAsync(sha, ImportKind.Tracks, path, options.ImportedBy,
                    new ImportOutcome(ImportStatus.Rejected) { Message = message, Errors = reference.Errors }, cancellationToken);
                return new TrackImportResult(ImportStatus.Rejected, id) { FileName = name, Message = message, Errors = reference.Errors, ErrorCount = reference.Errors.Count };
            }
        }

        var claim = await ledger.ClaimAsync(sha, ImportKind.Tracks, path, options.ImportedBy, cancellationToken);
        switch (claim)
        {
            case LedgerClaim.AlreadyImported done:
                return new TrackImportResult(ImportStatus.Unchanged, done.ImportId)
                {
                    FileName = name,
                    Message = $"the same bytes were imported as import {done.ImportId} on {done.FinishedAt:yyyy-MM-dd HH:mm} UTC: nothing to do" +
                        (options.ReferencePath is null ? "" : " (the reference data was not read either: deployments load with a tracks file that is new)"),
                };
            case LedgerClaim.InProgress running:
                return new TrackImportResult(ImportStatus.Running, running.ImportId)
                {
                    FileName = name,
                    Message = $"import {running.ImportId} is loading the same file right now",
                };
        }

        var claimed = (LedgerClaim.Claimed)claim;
        await using var conn = claimed.Connection;
        try
        {
            var result = await LoadAsync(conn, claimed.ImportId, path, options, reference, progress, cancellationToken);
            return result with { Elapsed = clock.Elapsed };
        }
        catch (Exception ex)
        {
            // The transaction never committed: nothing of this file is stored. Say so in the ledger from
            // a fresh connection, since the claim's may be the one that broke.
            if (ex is InvalidDataException)
            {
                // A broken gzip stream is bad input, not a failed load: a rerun of these bytes cannot succeed.
                var bad = $"{name}: not a valid gzip file ({ex.Message}); nothing stored";
                await ledger.FinishAsync(claimed.ImportId, new ImportOutcome(ImportStatus.Rejected) { Message = bad }, CancellationToken.None);
                return new TrackImportResult(ImportStatus.Rejected, claimed.ImportId) { FileName = name, Message = bad, Elapsed = clock.Elapsed };
            }
            var message = ex is OperationCanceledException
                ? "cancelled: nothing stored"
                : $"load failed, nothing stored, a rerun may succeed: {Describe(ex)}";
            await ledger.TryFinishAsync(claimed.ImportId, new ImportOutcome(ImportStatus.Failed) { Message = message });
            if (ex is not (NpgsqlException or IOException or InvalidDataException))
            {
                throw; // cancelled, or a bug: the ledger says failed, the caller hears why
            }
            return new TrackImportResult(ImportStatus.Failed, claimed.ImportId) { FileName = name, Message = message, Elapsed = clock.Elapsed, Failure = ex };
        }
    }

    private static string Describe(Exception ex) => ex switch
    {
        PostgresException pg => $"database error {pg.SqlState}: {pg.MessageText}",
        InvalidDataException => $"the file is not valid gzip ({ex.Message})",
        _ => ex.InnerException is null ? ex.Message : $"{ex.Message} ({ex.InnerException.Message})",
    };

    private sealed class ReadCounts
    {
        public long NoFix;
        public long NoIndividual;
        public long NonLocation;
        public long Fixes;
        public ErrorList Errors { get; } = new();
    }

    private delegate void FixWriter(ref TrackRow row);

    /// <summary>Reads every row (the current one first when <paramref name="onRow"/>), counts what is
    /// not a fix and hands each fix to <paramref name="write"/>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static ReadCounts ReadRows(TrackFileReader reader, bool onRow, FixWriter write,
        IProgress<TrackImportProgress>? progress, CancellationToken ct)
    {
        var counts = new ReadCounts();
        var row = new TrackRow();
        var lastReport = Stopwatch.StartNew();
        while (onRow || reader.Next())
        {
            onRow = false;
            switch (reader.Parse(ref row, counts.Errors))
            {
                case TrackRowKind.NoFix:
                    counts.NoFix++;
                    break;
                case TrackRowKind.NoIndividual:
                    counts.NoIndividual++;
                    break;
                case TrackRowKind.NonLocation:
                    counts.NonLocation++;
                    break;
                case TrackRowKind.Error:
                    counts.Errors.CountRow();
                    break;
                default:
                    counts.Fixes++;
                    write(ref row);
                    break;
            }
            if ((reader.RowsRead & 0x3FFF) == 0)
            {
                ct.ThrowIfCancellationRequested();
                if (progress is not null && lastReport.ElapsedMilliseconds > 200)
                {
                    progress.Report(new TrackImportProgress(reader.BytesRead, reader.BytesTotal, reader.RowsRead, "reading"));
                    lastReport.Restart();
                }
            }
        }
        progress?.Report(new TrackImportProgress(reader.BytesTotal, reader.BytesTotal, reader.RowsRead, "merging"));
        return counts;
    }

    private async Task<TrackImportResult> LoadAsync(NpgsqlConnection conn, long importId, string path, TrackImportOptions options,
        DeploymentReference? reference, IProgress<TrackImportProgress>? progress, CancellationToken ct)
    {
        var name = Path.GetFileName(path);
        var defaultStudy = options.Study ?? StudyFromFileName(name);
        Func<string, DateTime, (string, string?)?>? lookup = reference is null ? null : reference.Find;
        var reader = TrackFileReader.Open(path, defaultStudy, lookup);
        try
        {
            if (reader.HeaderProblem is { } problem)
            {
                var message = $"{name}: {problem}";
                var errors = new[] { new RowError(1, null, null, problem) };
                await ledger.FinishAsync(importId, new ImportOutcome(ImportStatus.Rejected) { Message = message, Errors = errors }, ct);
                return new TrackImportResult(ImportStatus.Rejected, importId) { FileName = name, Message = message, Errors = errors, ErrorCount = 1 };
            }

            var timings = new List<(string, TimeSpan)>();
            var stage = Stopwatch.StartNew();
            void Lap(string what)
            {
                timings.Add((what, stage.Elapsed));
                stage.Restart();
            }
            await using var tx = await conn.BeginTransactionAsync(ct);
            // Big sorts stay in memory; JIT would spend longer compiling these one-off statements than it saves.
            await ExecuteAsync(conn, "set local work_mem = '256MB'; set local jit = off", ct);

            var onRow = reader.Next();
            var study = onRow ? reader.CurrentStudy() : defaultStudy;
            RegisterReference(reader.Keys, study, reference);
            // One load of a study at a time: the duplicate checks then see every committed fix.
            var studyId = await ScalarAsync(conn,
                "insert into studies (name) values ($1) on conflict (name) do update set name = excluded.name returning id", study, ct);
            await ScalarAsync(conn, "select count(*) from (select pg_advisory_xact_lock(1414677331, $1::int)) l", (int)studyId, ct);
            var studyHasFixes = await ScalarAsync(conn, "select count(*) from (select 1 from fixes where study_id = $1 limit 1) f", (int)studyId, ct) > 0;

            ReadCounts? counts = null;
            DirectCopy? direct = null;
            string? fallback = null;
            if (onRow)
            {
                // COPY straight into fixes while nothing stored can conflict (see DirectCopy). A duplicate
                // inside the file (a unique index says so), a row that does not append to what is stored or
                // a second study sends the file the staged way instead.
                await ExecuteAsync(conn, "savepoint direct_copy", ct);
                try
                {
                    direct = await DirectCopy.PrepareAsync(conn, (int)studyId, study, importId, options.SpeedLimitKmh, reader.Keys, studyHasFixes, ct);
                    await using (var raw = await conn.BeginRawBinaryCopyAsync(DirectCopy.CopySql, ct))
                    {
                        var copy = new PgBinaryCopyWriter(raw);
                        direct.Copy = copy;
                        await CopyOrCancelAsync(raw, () =>
                        {
                            counts = ReadRows(reader, onRow, direct.Write, progress, ct);
                            direct.Finish();
                            copy.Complete();
                        });
                    }
                    Lap("read + copy into fixes");
                }
                catch (Exception ex) when (ex is DirectCopy.Abandoned || ex is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
                {
                    fallback = ex is DirectCopy.Abandoned ? ex.Message : "duplicates inside the file";
                    await ExecuteAsync(conn, "rollback to savepoint direct_copy", ct);
                    direct = null;
                    counts = null;
                    reader.Dispose();
                    reader = TrackFileReader.Open(path, defaultStudy, lookup);
                    onRow = reader.Next();
                    RegisterReference(reader.Keys, study, reference);
                    Lap($"direct copy abandoned ({fallback})");
                }
            }
            if (counts is null)
            {
                await ExecuteAsync(conn, StagingSql, ct);
                await using (var raw = await conn.BeginRawBinaryCopyAsync(
                    "copy track_stage (line, ind, tag, event_id, observed_at, lon, lat, visible, marked_outlier, hdop, satellites, attributes) from stdin (format binary)", ct))
                {
                    var copy = new PgBinaryCopyWriter(raw);
                    await CopyOrCancelAsync(raw, () =>
                    {
                        counts = ReadRows(reader, onRow, (ref TrackRow row) => WriteStaged(copy, ref row), progress, ct);
                        copy.Complete();
                    });
                }
                Lap("read + copy to staging");
            }

            counts = counts ?? throw new InvalidOperationException("the file was not read");
            var errorList = counts.Errors;
            var attributeColumns = reader.Header.Attributes.Select(a => a.Name).ToList();
            var baseResult = new TrackImportResult(ImportStatus.Succeeded, importId)
            {
                FileName = name,
                RowsRead = reader.RowsRead,
                RowsWithoutLocation = counts.NoFix,
                RowsWithoutIndividual = counts.NoIndividual,
                NonLocationRows = counts.NonLocation,
                RowsRejected = errorList.Rows,
                ErrorCount = errorList.Count,
                Errors = errorList.Kept,
                AttributeColumns = attributeColumns,
            };
            if (errorList.Count > 0 && !options.AcceptPartial)
            {
                await tx.RollbackAsync(ct);
                var message = $"{name}: {errorList.Rows:N0} bad row(s), {errorList.Count:N0} error(s); nothing stored " +
                    "(fix the file and import it again, or use --accept-partial to store the good rows)";
                await ledger.FinishAsync(importId, new ImportOutcome(ImportStatus.Rejected)
                {
                    RowsRead = reader.RowsRead, RowsRejected = errorList.Rows, Message = message, Errors = errorList.Kept,
                }, ct);
                return baseResult with { Status = ImportStatus.Rejected, Message = message };
            }

            var keys = reader.Keys;
            long stored;
            int[] individualIds;
            if (direct is not null)
            {
                individualIds = await direct.WriteKeysAsync(ct);
                stored = counts.Fixes;
                Lap("individuals and tags");
                if (direct.TracksInOrder && direct.StoredFlagChanges.Count > 0)
                {
                    await using var update = new NpgsqlCommand(
                        "update fixes f set speed_outlier = x.flag from unnest($1::bigint[], $2::bool[]) as x(id, flag) where f.id = x.id", conn);
                    update.Parameters.AddWithValue(direct.StoredFlagChanges.Select(c => c.Id).ToArray());
                    update.Parameters.AddWithValue(direct.StoredFlagChanges.Select(c => c.Flag).ToArray());
                    await update.ExecuteNonQueryAsync(ct);
                }
                if (!direct.TracksInOrder)
                {
                    // The file was not in (individual, time) order: judge speeds in the database.
                    await RunSpeedFilterAsync(conn, individualIds, options.SpeedLimitKmh, importId, ct);
                    Lap("speed filter (file out of order)");
                }
            }
            else
            {
                await WriteKeysAsync(conn, keys, ct);
                await ExecuteAsync(conn, ResolveKeysSql, ct);
                individualIds = await IdsAsync(conn, "select individual_id from track_map", ct);
                Lap("resolve studies, individuals, tags");
                stored = await ScalarAsync(conn, MergeSql, importId, ct);
                Lap("merge into fixes");
                await RunSpeedFilterAsync(conn, individualIds, options.SpeedLimitKmh, importId, ct);
                Lap("speed filter");
            }
            await using (var species = new NpgsqlCommand(SpeciesSql, conn) { Parameters = { new() { Value = individualIds } } })
            {
                await species.ExecuteNonQueryAsync(ct);
            }
            if (reference is not null)
            {
                await WriteDeploymentsAsync(conn, importId, study, reference, ct);
            }

            long speedFlagged, flagged;
            if (direct is { TracksInOrder: true })
            {
                // Every fix of this import went through DirectCopy and no later step changed a flag.
                (speedFlagged, flagged) = (direct.SpeedFlagged, direct.Flagged);
            }
            else
            {
                speedFlagged = await ScalarAsync(conn, "select count(*) from fixes where import_id = $1 and speed_outlier", importId, ct);
                flagged = await ScalarAsync(conn,
                    "select count(*) from fixes where import_id = $1 and (not visible or marked_outlier or speed_outlier)", importId, ct);
            }
            await using (var source = new NpgsqlCommand(
                """
                insert into track_sources (import_id, header, attribute_columns, rows_without_location, non_location_rows, speed_flagged)
                values ($1, $2, $3, $4, $5, $6)
                """, conn))
            {
                source.Parameters.AddWithValue(importId);
                source.Parameters.AddWithValue(reader.Header.Names.ToArray());
                source.Parameters.AddWithValue(attributeColumns.ToArray());
                source.Parameters.AddWithValue(counts.NoFix);
                source.Parameters.AddWithValue(counts.NonLocation);
                source.Parameters.AddWithValue(speedFlagged);
                await source.ExecuteNonQueryAsync(ct);
            }

            var duplicates = counts.Fixes - stored;
            var status = errorList.Count > 0 ? ImportStatus.Partial : ImportStatus.Succeeded;
            var summary = $"{stored:N0} fixes stored, {duplicates:N0} duplicates, {flagged:N0} flagged ({speedFlagged:N0} by speed), " +
                $"{counts.NoFix:N0} rows without a fix, {counts.NonLocation:N0} non-location rows, " +
                $"{counts.NoIndividual:N0} rows of undeployed tags, {errorList.Rows:N0} bad rows";
            await ImportLedger.FinishInTransactionAsync(conn, importId, new ImportOutcome(status)
            {
                RowsRead = reader.RowsRead,
                RowsAccepted = stored,
                RowsRejected = errorList.Rows,
                Duplicates = duplicates,
                Flagged = flagged,
                Message = summary,
                Errors = errorList.Kept,
            }, ct);
            await tx.CommitAsync(ct);
            Lap("counts, ledger, commit");
            return baseResult with
            {
                Status = status,
                FixesStored = stored,
                Duplicates = duplicates,
                Flagged = flagged,
                SpeedFlagged = speedFlagged,
                Individuals = individualIds.Length,
                Message = summary,
                Timings = timings,
                Route = direct is null ? fallback is null ? "staged merge" : $"staged merge ({fallback})" : "direct copy",
            };
        }
        finally
        {
            reader.Dispose();
        }
    }


    /// <summary>Runs the COPY's writing; when it stops half-way the COPY is cancelled (CopyFail), never
    /// completed with what was sent so far, and the original exception goes on.</summary>
    private static async Task CopyOrCancelAsync(NpgsqlRawCopyStream raw, Action write)
    {
        try
        {
            write();
        }
        catch (Exception ex) when (ex is not NpgsqlException)
        {
            await raw.CancelAsync();
            throw;
        }
    }

    private static void RegisterReference(TrackKeys keys, string study, DeploymentReference? reference)
    {
        if (reference is null)
        {
            return;
        }
        // Animals and tags of the reference data are registered even when this file has no fix of them.
        foreach (var d in reference.Rows)
        {
            keys.Individual(study, d.Animal, d.Taxon);
            keys.Tag(study, d.Tag);
        }
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void WriteStaged(PgBinaryCopyWriter copy, ref TrackRow row)
    {
        copy.StartRow(12);
        copy.Int32((int)row.Line);
        copy.Int32(row.Individual);
        if (row.Tag >= 0) copy.Int32(row.Tag); else copy.Null();
        if (row.EventId is { } e) copy.Int64(e); else copy.Null();
        copy.TimestampTz(row.ObservedAt);
        copy.Float8(row.Longitude);
        copy.Float8(row.Latitude);
        copy.Bool(row.Visible);
        copy.Bool(row.MarkedOutlier);
        if (row.Hdop is { } h) copy.Float4(h); else copy.Null();
        if (row.SatelliteCount is { } s) copy.Int16(s); else copy.Null();
        if (row.Attributes is { } a) copy.Jsonb(a); else copy.Null();
    }

    private static async Task RunSpeedFilterAsync(NpgsqlConnection conn, int[] individualIds, double limitKmh, long importId, CancellationToken ct)
    {
        await using var speed = new NpgsqlCommand(SpeedFilterSql, conn)
        {
            Parameters = { new() { Value = limitKmh }, new() { Value = individualIds }, new() { Value = importId } },
        };
        await speed.ExecuteNonQueryAsync(ct);
    }

    private static async Task<int[]> IdsAsync(NpgsqlConnection conn, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        var ids = new List<int>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            ids.Add(r.GetInt32(0));
        }
        return [.. ids];
    }

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

    private static async Task WriteKeysAsync(NpgsqlConnection conn, TrackKeys keys, CancellationToken ct)
    {
        await using (var copy = await conn.BeginBinaryImportAsync(
            "copy track_stage_individuals (ind, study, individual, taxon) from stdin (format binary)", ct))
        {
            for (var i = 0; i < keys.Individuals.Count; i++)
            {
                var (study, individual, taxon) = keys.Individuals[i];
                await copy.WriteRowAsync(ct, i, study, individual, (object?)taxon ?? DBNull.Value);
            }
            await copy.CompleteAsync(ct);
        }
        await using (var copy = await conn.BeginBinaryImportAsync(
            "copy track_stage_tags (tag, study, local_identifier) from stdin (format binary)", ct))
        {
            for (var i = 0; i < keys.Tags.Count; i++)
            {
                await copy.WriteRowAsync(ct, i, keys.Tags[i].Study, keys.Tags[i].Tag);
            }
            await copy.CompleteAsync(ct);
        }
    }

    private static async Task WriteDeploymentsAsync(NpgsqlConnection conn, long importId, string study, DeploymentReference reference, CancellationToken ct)
    {
        foreach (var d in reference.Rows)
        {
            await using var cmd = new NpgsqlCommand(
                """
                insert into deployments (tag_id, individual_id, deploy_on, deploy_off, import_id)
                select t.id, i.id, $4, $5, $6
                from studies s
                join tags t on t.study_id = s.id and t.local_identifier = $2
                join individuals i on i.study_id = s.id and i.local_identifier = $3
                where s.name = $1
                on conflict (tag_id, individual_id, deploy_on) do update set deploy_off = excluded.deploy_off
                """, conn);
            cmd.Parameters.AddWithValue(study);
            cmd.Parameters.AddWithValue(d.Tag);
            cmd.Parameters.AddWithValue(d.Animal);
            cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = (object?)d.DeployOn ?? DBNull.Value });
            cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = (object?)d.DeployOff ?? DBNull.Value });
            cmd.Parameters.AddWithValue(importId);
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection conn, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection conn, string sql, object p1, CancellationToken ct) =>
        await ScalarAsync(conn, sql, [p1], ct);

    private static async Task<long> ScalarAsync(NpgsqlConnection conn, string sql, object[] parameters, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, conn);
        foreach (var p in parameters)
        {
            cmd.Parameters.AddWithValue(p);
        }
        return Convert.ToInt64(await cmd.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
    }

    // Temporary tables are not WAL-logged and vanish with the transaction.
    private const string StagingSql =
        """
        create temp table track_stage (
            line int not null, ind int not null, tag int, event_id bigint, observed_at timestamptz not null,
            lon float8 not null, lat float8 not null, visible bool not null, marked_outlier bool not null,
            hdop real, satellites smallint, attributes jsonb
        ) on commit drop;
        create temp table track_stage_individuals (ind int primary key, study text not null, individual text not null, taxon text) on commit drop;
        create temp table track_stage_tags (tag int primary key, study text not null, local_identifier text not null) on commit drop;
        """;

    // Studies, individuals and tags first (small tables), then a map from the file's numbers to ids.
    private const string ResolveKeysSql =
        """
        insert into studies (name)
        select distinct study from (select study from track_stage_individuals union select study from track_stage_tags) s
        order by 1
        on conflict (name) do nothing;

        insert into individuals (study_id, local_identifier, taxon)
        select s.id, x.individual, x.taxon
        from track_stage_individuals x join studies s on s.name = x.study
        order by x.ind
        on conflict (study_id, local_identifier) do update set taxon = coalesce(individuals.taxon, excluded.taxon)
            where individuals.taxon is null and excluded.taxon is not null;

        insert into tags (study_id, local_identifier)
        select s.id, x.local_identifier
        from track_stage_tags x join studies s on s.name = x.study
        order by x.tag
        on conflict (study_id, local_identifier) do nothing;

        create temp table track_map on commit drop as
        select x.ind, s.id as study_id, i.id as individual_id
        from track_stage_individuals x
        join studies s on s.name = x.study
        join individuals i on i.study_id = s.id and i.local_identifier = x.individual;
        alter table track_map add primary key (ind);

        create temp table track_tag_map on commit drop as
        select x.tag, t.id as tag_id
        from track_stage_tags x join studies s on s.name = x.study join tags t on t.study_id = s.id and t.local_identifier = x.local_identifier;
        alter table track_tag_map add primary key (tag);
        analyze track_map;
        analyze track_tag_map;

        """;

    // The catalogue knows a taxon by its scientific name or a synonym (Grus vipio -> Antigone vipio).
    private const string SpeciesSql =
        """
        update individuals i set species_name = sp.scientific_name
        from species sp
        where i.id = any($1) and i.species_name is null and i.taxon is not null
          and (lower(sp.scientific_name) = lower(btrim(i.taxon))
               or lower(btrim(i.taxon)) in (select lower(syn) from unnest(sp.synonyms) syn));
        """;

    // One pass, in (individual, time) order, which keeps the BRIN ranges of the point index tight and the
    // btree appends sequential. The unique indexes find the duplicates, of stored fixes and within the
    // file alike (DO NOTHING also skips a row that an earlier row of the same statement inserted; the
    // earlier line wins). A row without event id is also a duplicate of a stored fix of the individual at
    // that time that has one, which no index says: the anti-join checks that, for those rows only.
    private const string MergeSql =
        """
        with inserted as (
            insert into fixes (study_id, individual_id, tag_id, event_id, observed_at, location, visible, marked_outlier,
                               speed_outlier, hdop, satellite_count, attributes, import_id, source_line)
            select m.study_id, m.individual_id, t.tag_id, s.event_id, s.observed_at, st_setsrid(st_makepoint(s.lon, s.lat), 4326),
                   s.visible, s.marked_outlier, false, s.hdop, s.satellites, s.attributes, $1, s.line
            from track_stage s
            join track_map m on m.ind = s.ind
            left join track_tag_map t on t.tag = s.tag
            where s.event_id is not null
               or not exists (select 1 from fixes x where x.individual_id = m.individual_id and x.observed_at = s.observed_at)
            order by m.individual_id, s.observed_at, s.line
            on conflict do nothing
            returning 1
        )
        select count(*) from inserted;
        """;

    // A fix is a speed outlier when it is reached too fast from the fix before AND left too fast to the
    // fix after (a spike); one fast leg alone is a fast flight, or the neighbour's fault. Only fixes that
    // no other flag excludes take part. A load can change the flags of its own fixes and of the stored
    // fixes next to them, nothing else: per individual the window spans the new fixes plus two stored
    // fixes either side (so each judged fix has both its neighbours), and only changed flags are written.
    private const string SpeedFilterSql =
        """
        with span as materialized (
            select n.individual_id,
                   coalesce((select x.observed_at from fixes x
                             where x.individual_id = n.individual_id and x.observed_at < n.lo and x.visible and not x.marked_outlier
                             order by x.observed_at desc offset 1 limit 1), '-infinity') as lo,
                   coalesce((select x.observed_at from fixes x
                             where x.individual_id = n.individual_id and x.observed_at > n.hi and x.visible and not x.marked_outlier
                             order by x.observed_at offset 1 limit 1), 'infinity') as hi
            from (select individual_id, min(observed_at) as lo, max(observed_at) as hi
                  from fixes where import_id = $3 and individual_id = any($2) group by individual_id) n
        ), legs as (
            select f.id, f.speed_outlier as old,
                   f.import_id = $3 or lag(f.import_id) over w = $3 or lead(f.import_id) over w = $3 as touched,
                   st_distancesphere(f.location, lag(f.location) over w) * 3.6
                       / greatest(extract(epoch from f.observed_at - lag(f.observed_at) over w), 0.001) as kmh_in,
                   st_distancesphere(f.location, lead(f.location) over w) * 3.6
                       / greatest(extract(epoch from lead(f.observed_at) over w - f.observed_at), 0.001) as kmh_out
            from fixes f join span s on s.individual_id = f.individual_id and f.observed_at between s.lo and s.hi
            where f.visible and not f.marked_outlier
            window w as (partition by f.individual_id order by f.observed_at, f.id)
        ), judged as (
            select id, old, (kmh_in is not null or kmh_out is not null)
                            and coalesce(kmh_in > $1, true) and coalesce(kmh_out > $1, true) as new
            from legs
            where touched
        )
        update fixes f set speed_outlier = j.new from judged j
        where f.id = j.id and j.old <> j.new;
        """;
}
