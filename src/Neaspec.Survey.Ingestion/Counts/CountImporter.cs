using System.Text;
using System.Text.Unicode;
using CsvHelper;
using Neaspec.Survey.Ingestion.Ledger;
using Neaspec.Survey.Ingestion.Sites;
using Neaspec.Survey.Storage;
using Neaspec.Survey.Storage.Model;
using Npgsql;
using NpgsqlTypes;

namespace Neaspec.Survey.Ingestion.Counts;

/// <summary>How a count file is loaded.</summary>
public sealed record CountImportOptions
{
    /// <summary>Load the good rows of a file that has bad ones (default: all or nothing).</summary>
    public bool AcceptPartial { get; init; }

    public string? ImportedBy { get; init; }

    /// <summary>An unknown site code whose point lies within this distance of a known site is reported
    /// as a likely duplicate instead of creating a provisional site.</summary>
    public double DuplicateSiteDistanceMeters { get; init; } = 2_000;

    /// <summary>Where the error report goes; default: beside the input file.</summary>
    public string? ReportDirectory { get; init; }

    /// <summary>Errors kept in full (ledger, report); more are counted only.</summary>
    public int MaxErrorsKept { get; init; } = 10_000;
}

/// <summary>Where an import is, for progress bars.</summary>
public readonly record struct ImportProgress(long Rows, long Bytes, long TotalBytes);

/// <summary>What a count import did.</summary>
public sealed record CountImportResult
{
    public required string Status { get; init; }
    public long? ImportId { get; init; }
    public required string Message { get; init; }
    public long RowsRead { get; init; }
    public long RowsAccepted { get; init; }
    public long RowsRejected { get; init; }
    public long Surveys { get; init; }
    public long CountsReplaced { get; init; }
    public IReadOnlyList<string> ProvisionalSites { get; init; } = [];
    public IReadOnlyList<RowError> Errors { get; init; } = [];
    public long ErrorCount { get; init; }
    public string? ErrorReportPath { get; init; }
    public IReadOnlyList<string> IgnoredColumns { get; init; } = [];

    public bool Loaded => Status is ImportStatus.Succeeded or ImportStatus.Partial;
}

/// <summary>Loads a count-survey CSV: reader (CsvHelper, streaming) -> validator -> binary COPY into a
/// staging table -> set-based merge, in one transaction, recorded in the ledger.</summary>
public sealed class CountImporter(SurveyDatabase database)
{
    private readonly ImportLedger ledger = new(database);

    public async Task<CountImportResult> ImportAsync(string path, CountImportOptions? options = null,
        IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        options ??= new CountImportOptions();
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no such file", path);
        }
        var sha = await FileFingerprint.Sha256Async(path, cancellationToken);
        var claim = await ledger.ClaimAsync(sha, ImportKind.Counts, path, options.ImportedBy, cancellationToken);
        switch (claim)
        {
            case LedgerClaim.AlreadyImported done:
                return new CountImportResult
                {
                    Status = ImportStatus.Unchanged,
                    ImportId = done.ImportId,
                    Message = $"{Path.GetFileName(path)}: already imported (import #{done.ImportId}, {done.FinishedAt:yyyy-MM-dd HH:mm} UTC, same SHA-256); nothing to do",
                };
            case LedgerClaim.InProgress running:
                return new CountImportResult
                {
                    Status = ImportStatus.Running,
                    ImportId = running.ImportId,
                    Message = $"{Path.GetFileName(path)}: being imported right now by another process (import #{running.ImportId}); nothing to do",
                };
        }

        var (importId, conn) = (LedgerClaim.Claimed)claim;
        await using (conn)
        {
            try
            {
                var run = new CountLoad(path, importId, options, conn, progress);
                var result = await run.ExecuteAsync(cancellationToken);
                await ledger.FinishAsync(importId, new ImportOutcome(result.Status)
                {
                    RowsRead = result.RowsRead,
                    RowsAccepted = result.RowsAccepted,
                    RowsRejected = result.RowsRejected,
                    Message = result.Message,
                    ErrorReportPath = result.ErrorReportPath,
                    Errors = result.Errors,
                }, CancellationToken.None);
                return result;
            }
            catch (Exception ex)
            {
                // The transaction rolled back with the failure; the ledger says so and a rerun may load it.
                await ledger.TryMarkFailedAsync(importId, ex);
                throw;
            }
        }
    }

    /// <summary>One load of one file on the claim's connection.</summary>
    private sealed class CountLoad(string path, long importId, CountImportOptions options, NpgsqlConnection conn,
        IProgress<ImportProgress>? progress)
    {
        private readonly List<RowError> errors = [];
        private readonly HashSet<long> badLines = [];
        private readonly Dictionary<string, CountRow> newSites = new(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<string> rejectedNewCodes = new(StringComparer.OrdinalIgnoreCase);
        // A survey visit of this file, numbered in order of first appearance: (site, date, time) -> visit.
        private readonly Dictionary<(string Site, DateOnly Date, TimeOnly? Time), Visit> visits = new(VisitKeyComparer.Instance);
        // (visit, species) -> first line, to report duplicate rows without a round trip to the database.
        private readonly Dictionary<(int Visit, string Species), long> seen = [];
        private readonly HashSet<string> speciesInFile = new(StringComparer.Ordinal);
        private long errorCount;
        private long staged;
        private string FileName => Path.GetFileName(path);

        private sealed record Visit(int Number, string SiteCode, DateOnly Date, TimeOnly? Time, string? Method, string? Observer);

        public async Task<CountImportResult> ExecuteAsync(CancellationToken ct)
        {
            await using var tx = await conn.BeginTransactionAsync(ct);
            var species = await SpeciesResolver.LoadAsync(conn, ct);
            var sites = await SiteDirectory.LoadAsync(conn, tx, ct);
            await Exec("""
                create temp table staging_counts (
                    visit int not null, species text not null, individuals int, count_type text,
                    not_counted_reason text, notes text, line int not null) on commit drop
                """, ct);

            var stageStarted = System.Diagnostics.Stopwatch.GetTimestamp();
            var (rowsRead, ignored, fileError) = StageRows(species, sites, ct);
            Timing(stageStarted, "read, validate and COPY rows into staging_counts");
            if (fileError is not null)
            {
                AddError(fileError);
                return await RejectAsync(tx, rowsRead, ignored, ct);
            }
            if (rowsRead == 0)
            {
                AddError(new RowError(1, null, null, "the file has a header but no data rows"));
                return await RejectAsync(tx, rowsRead, ignored, ct);
            }
            if ((errorCount > 0 && !options.AcceptPartial) || staged == 0)
            {
                return await RejectAsync(tx, rowsRead, ignored, ct);
            }

            var provisional = await CreateProvisionalSitesAsync(sites, ct);
            await StageVisitsAsync(sites, ct);
            var (surveys, replaced, inserted) = await MergeAsync(ct);
            await tx.CommitAsync(ct);

            var status = errorCount > 0 ? ImportStatus.Partial : ImportStatus.Succeeded;
            var report = errorCount > 0 ? ErrorReport.Write(path, errors, options.ReportDirectory) : null;
            var message = $"{FileName}: {inserted:N0} counts in {surveys:N0} surveys loaded" +
                (replaced > 0 ? $", {replaced:N0} earlier counts of the same surveys replaced" : "") +
                (provisional.Count > 0 ? $", {provisional.Count} provisional site(s) created ({string.Join(", ", provisional)})" : "") +
                (errorCount > 0 ? $"; {errorCount:N0} error(s) in {RejectedRows(rowsRead):N0} row(s) skipped (--accept-partial)" : "");
            return new CountImportResult
            {
                Status = status, ImportId = importId, Message = message, RowsRead = rowsRead, RowsAccepted = inserted,
                RowsRejected = rowsRead - inserted, Surveys = surveys, CountsReplaced = replaced, ProvisionalSites = provisional,
                Errors = errors, ErrorCount = errorCount, ErrorReportPath = report, IgnoredColumns = ignored,
            };
        }

        private long RejectedRows(long rowsRead) => Math.Min(rowsRead, badLines.Count);

        private async Task<CountImportResult> RejectAsync(NpgsqlTransaction tx, long rowsRead, IReadOnlyList<string> ignored, CancellationToken ct)
        {
            await tx.RollbackAsync(ct);
            var report = ErrorReport.Write(path, errors, options.ReportDirectory);
            var first = errors.Count > 0 ? errors[0].ToString() : "";
            var message = rowsRead == 0 || badLines.Count == 0
                ? $"{FileName}: rejected, nothing stored: {first}"
                : $"{FileName}: rejected, nothing stored: {errorCount:N0} error(s) in {RejectedRows(rowsRead):N0} of {rowsRead:N0} rows " +
                  $"(first: {first}). Fix the file, or load the good rows with --accept-partial.";
            return new CountImportResult
            {
                Status = ImportStatus.Rejected, ImportId = importId, Message = message, RowsRead = rowsRead,
                RowsRejected = rowsRead, Errors = errors, ErrorCount = errorCount, ErrorReportPath = report, IgnoredColumns = ignored,
            };
        }

        private void AddError(RowError error)
        {
            errorCount++;
            badLines.Add(error.Line);
            if (errors.Count < options.MaxErrorsKept)
            {
                errors.Add(error);
            }
        }

        /// <summary>Reads and validates every row; good rows go by binary COPY into the staging table as
        /// they are read (memory holds the file's visits and keys, not its rows).</summary>
        private (long Rows, IReadOnlyList<string> Ignored, RowError? FileError) StageRows(
            SpeciesResolver species, SiteDirectory sites, CancellationToken ct)
        {
            var totalBytes = new FileInfo(path).Length;
            if (totalBytes == 0)
            {
                return (0, [], new RowError(1, null, null, "the file is empty (no header, no rows)"));
            }
            using var reader = CsvReader.FromFile(path, new CsvReaderOptions { TrackLineNumbers = true, PoolStrings = true });
            IReadOnlyList<string> headers;
            try
            {
                headers = reader.Headers.ToList();
            }
            catch (CsvFormatException ex)
            {
                return (0, [], new RowError(1, null, null, $"unreadable header: {ex.Message}"));
            }
            if (headers.Count == 0 || headers.All(string.IsNullOrWhiteSpace))
            {
                return (0, [], new RowError(1, null, null, "the file is empty (no header, no rows)"));
            }
            if (headers.Any(h => h.Contains('\uFFFD', StringComparison.Ordinal)))
            {
                return (0, [], new RowError(1, null, null, "the header is not UTF-8 text: save the file as 'CSV UTF-8'"));
            }
            var columns = CountColumns.Map(headers, out var headerError);
            if (headerError is not null)
            {
                if (headers.Count == 1)
                {
                    headerError += ". The header has a single column: is the file delimited by something other than comma, semicolon or tab?";
                }
                return (0, columns.Ignored, new RowError(1, null, string.Join(reader.Separator, headers), headerError));
            }

            var validator = new CountRowValidator(columns, species);
            var rowErrors = new List<RowError>();
            long rows = 0;
            Func<int, string?> field = i => i < reader.FieldCount ? reader.GetString(i) : null;
            using var copy = conn.BeginBinaryImport(
                "copy staging_counts (visit, species, individuals, count_type, not_counted_reason, notes, line) from stdin (format binary)");
            while (reader.Read())
            {
                rows++;
                var line = reader.LineNumber;
                if ((rows & 0xFFFF) == 0)
                {
                    progress?.Report(new ImportProgress(rows, reader.ByteOffset, totalBytes));
                    ct.ThrowIfCancellationRequested();
                }
                if (!Utf8.IsValid(reader.RawRecord))
                {
                    AddError(new RowError(line, null, Encoding.UTF8.GetString(reader.RawRecord), "the line is not UTF-8 text: save the file as 'CSV UTF-8'"));
                    continue;
                }
                if (reader.FieldCount > headers.Count)
                {
                    AddError(new RowError(line, null, reader.Current.ToString(),
                        $"the row has {reader.FieldCount} fields but the header has {headers.Count}: an unquoted separator in a value?"));
                    continue;
                }
                rowErrors.Clear();
                var row = validator.Validate(line, field, rowErrors);
                if (row is not null)
                {
                    CheckSite(row, sites, columns, rowErrors);
                }
                if (rowErrors.Count > 0 || row is null)
                {
                    rowErrors.ForEach(AddError);
                    continue;
                }
                var visit = VisitOf(row);
                if (!seen.TryAdd((visit.Number, row.Species), line))
                {
                    AddError(new RowError(line, null, null, $"duplicate of line {seen[(visit.Number, row.Species)]}: same site, date, time and species"));
                    continue;
                }
                speciesInFile.Add(row.Species);
                Write(copy, visit.Number, row);
                staged++;
            }
            copy.Complete();
            progress?.Report(new ImportProgress(rows, totalBytes, totalBytes));
            return (rows, columns.Ignored, null);
        }

        private Visit VisitOf(CountRow row)
        {
            var key = (row.SiteCode, row.Date, row.Time);
            if (!visits.TryGetValue(key, out var visit))
            {
                visit = new Visit(visits.Count + 1, row.SiteCode, row.Date, row.Time, row.Method, row.Observer);
                visits.Add(key, visit);
            }
            return visit;
        }

        /// <summary>A known code links the row; an unknown one with country and point becomes a provisional
        /// site unless it lies on top of a known site.</summary>
        private void CheckSite(CountRow row, SiteDirectory sites, CountColumns columns, List<RowError> rowErrors)
        {
            if (sites.Find(row.SiteCode) is not null || newSites.ContainsKey(row.SiteCode))
            {
                return;
            }
            var column = columns.NameOf(CountField.SiteCode);
            if (rejectedNewCodes.Contains(row.SiteCode))
            {
                rowErrors.Add(new RowError(row.Line, column, row.SiteCode, "unknown site code (see its first row)"));
                return;
            }
            if (row.Latitude is null || row.Longitude is null || row.Country is null)
            {
                rowErrors.Add(new RowError(row.Line, column, row.SiteCode,
                    "unknown site code: import it with 'neaspec sites import', or give country, latitude and longitude to create a provisional site"));
                return;
            }
            var near = sites.Nearest(row.Latitude.Value, row.Longitude.Value, options.DuplicateSiteDistanceMeters);
            if (near is { } n)
            {
                rejectedNewCodes.Add(row.SiteCode);
                rowErrors.Add(new RowError(row.Line, column, row.SiteCode,
                    $"unknown site code, but known site {n.Site.Code} lies {n.Meters / 1000:0.0} km away: likely the same site; use code {n.Site.Code}"));
                return;
            }
            newSites[row.SiteCode] = row;
        }

        private static void Write(NpgsqlBinaryImporter copy, int visit, CountRow row)
        {
            copy.StartRow();
            copy.Write(visit, NpgsqlDbType.Integer);
            copy.Write(row.Species, NpgsqlDbType.Text);
            WriteNullable(copy, row.Individuals, NpgsqlDbType.Integer);
            WriteNullable(copy, row.CountType, NpgsqlDbType.Text);
            WriteNullable(copy, row.NotCountedReason, NpgsqlDbType.Text);
            WriteNullable(copy, row.Notes, NpgsqlDbType.Text);
            copy.Write((int)row.Line, NpgsqlDbType.Integer);
        }

        private static void WriteNullable<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type)
        {
            if (value is null)
            {
                copy.WriteNull();
            }
            else
            {
                copy.Write(value, type);
            }
        }

        /// <summary>Creates the file's new sites and adds them to <paramref name="sites"/> with their ids.</summary>
        private async Task<List<string>> CreateProvisionalSitesAsync(SiteDirectory sites, CancellationToken ct)
        {
            var created = new List<string>();
            var used = visits.Keys.Select(k => k.Site).ToHashSet(StringComparer.OrdinalIgnoreCase);
            foreach (var row in newSites.Values.Where(r => used.Contains(r.SiteCode)))
            {
                await using var cmd = new NpgsqlCommand(
                    """
                    insert into sites (code, name_en, country_code, location, is_provisional, created_by_import_id)
                    values ($1, $2, $3, st_setsrid(st_makepoint($4, $5), 4326), true, $6)
                    on conflict (code) do nothing
                    returning id
                    """, conn);
                cmd.Parameters.AddWithValue(row.SiteCode);
                cmd.Parameters.AddWithValue(row.SiteName ?? row.SiteCode);
                cmd.Parameters.AddWithValue(row.Country!);
                cmd.Parameters.AddWithValue(row.Longitude!.Value);
                cmd.Parameters.AddWithValue(row.Latitude!.Value);
                cmd.Parameters.AddWithValue(importId);
                if (await cmd.ExecuteScalarAsync(ct) is int id)
                {
                    created.Add(row.SiteCode);
                }
                else
                {
                    // Another import created the code since this one read the sites: link to that site.
                    await using var existing = new NpgsqlCommand("select id from sites where code = $1", conn);
                    existing.Parameters.AddWithValue(row.SiteCode);
                    id = (int)(await existing.ExecuteScalarAsync(ct))!;
                }
                sites.Add(new KnownSite(id, row.SiteCode, row.Longitude.Value, row.Latitude.Value));
            }
            return created;
        }

        /// <summary>The file's visits, with their site ids, into a second staging table.</summary>
        private async Task StageVisitsAsync(SiteDirectory sites, CancellationToken ct)
        {
            await Exec("""
                create temp table staging_visits (
                    visit int not null, site_id int not null, survey_date date not null, survey_time time,
                    method text, observer text) on commit drop
                """, ct);
            await using var copy = await conn.BeginBinaryImportAsync(
                "copy staging_visits (visit, site_id, survey_date, survey_time, method, observer) from stdin (format binary)", ct);
            foreach (var v in visits.Values)
            {
                var site = sites.Find(v.SiteCode) ?? throw new InvalidOperationException($"site {v.SiteCode} vanished during the import");
                await copy.StartRowAsync(ct);
                await copy.WriteAsync(v.Number, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(site.Id, NpgsqlDbType.Integer, ct);
                await copy.WriteAsync(v.Date, NpgsqlDbType.Date, ct);
                WriteNullable(copy, v.Time, NpgsqlDbType.Time);
                WriteNullable(copy, v.Method, NpgsqlDbType.Text);
                WriteNullable(copy, v.Observer, NpgsqlDbType.Text);
            }
            await copy.CompleteAsync(ct);
        }

        /// <summary>Surveys are upserted by (site, date, time). The counts of those surveys for the species
        /// this file covers are replaced by the file's: a corrected file wins; counts of other species
        /// (another team's file for the same visit) stay.</summary>
        private async Task<(long Surveys, long Replaced, long Inserted)> MergeAsync(CancellationToken ct)
        {
            await Exec($"""
                create temp table visit_surveys on commit drop as
                with upserted as (
                    insert into surveys (site_id, survey_date, survey_time, method, observer, import_id)
                    select site_id, survey_date, survey_time, method, observer, {importId} from staging_visits
                    on conflict (site_id, survey_date, survey_time) do update
                    set method = coalesce(excluded.method, surveys.method),
                        observer = coalesce(excluded.observer, surveys.observer),
                        import_id = excluded.import_id
                    returning id, site_id, survey_date, survey_time)
                select v.visit, u.id as survey_id
                from upserted u
                join staging_visits v on v.site_id = u.site_id and v.survey_date = u.survey_date
                     and coalesce(v.survey_time, time '24:00') = coalesce(u.survey_time, time '24:00')
                """, ct);
            await Exec("analyze visit_surveys", ct);
            await using var count = new NpgsqlCommand("select count(*) from visit_surveys", conn);
            var surveys = (long)(await count.ExecuteScalarAsync(ct))!;
            await using var delete = new NpgsqlCommand(
                "delete from counts c using visit_surveys v where c.survey_id = v.survey_id and c.species_name = any($1)", conn);
            delete.Parameters.AddWithValue(speciesInFile.ToArray());
            var replaced = await delete.ExecuteNonQueryAsync(ct);
            var inserted = await Exec($"""
                insert into counts (survey_id, species_name, individuals, count_type, not_counted_reason, notes, import_id, source_line)
                select v.survey_id, c.species, c.individuals, c.count_type, c.not_counted_reason, c.notes, {importId}, c.line
                from staging_counts c join visit_surveys v using (visit)
                """, ct);
            return (surveys, replaced, inserted);
        }

        private async Task<int> Exec(string sql, CancellationToken ct)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await using var cmd = new NpgsqlCommand(sql, conn);
            var n = await cmd.ExecuteNonQueryAsync(ct);
            Timing(started, sql.Trim().Split('\n')[0]);
            return n;
        }

        /// <summary>With NEASPEC_TIMINGS=1, each step's wall time goes to stderr (for the benchmark).</summary>
        private static void Timing(long started, string step)
        {
            if (Environment.GetEnvironmentVariable("NEASPEC_TIMINGS") == "1")
            {
                Console.Error.WriteLine($"{System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds,7:0.00} s  {step}");
            }
        }
    }

    /// <summary>Site codes match without case, as the sites table's lookups do.</summary>
    private sealed class VisitKeyComparer : IEqualityComparer<(string Site, DateOnly Date, TimeOnly? Time)>
    {
        public static readonly VisitKeyComparer Instance = new();

        public bool Equals((string Site, DateOnly Date, TimeOnly? Time) x, (string Site, DateOnly Date, TimeOnly? Time) y) =>
            x.Date == y.Date && x.Time == y.Time && string.Equals(x.Site, y.Site, StringComparison.OrdinalIgnoreCase);

        public int GetHashCode((string Site, DateOnly Date, TimeOnly? Time) key) =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(key.Site), key.Date, key.Time);
    }
}
