using System.Text;
using System.Text.Unicode;
using CsvHelper;
using Neaspec.Survey.Ingestion.Catalogue;
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
                await ledger.FinishAsync(importId, new ImportOutcome(ImportStatus.Failed) { Message = $"failed: {ex.Message}" },
                    CancellationToken.None);
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
        private long errorCount;
        private string FileName => Path.GetFileName(path);

        public async Task<CountImportResult> ExecuteAsync(CancellationToken ct)
        {
            await using var tx = await conn.BeginTransactionAsync(ct);
            var species = await SpeciesResolver.LoadAsync(conn, ct);
            var sites = await SiteDirectory.LoadAsync(conn, tx, ct);
            await Exec("""
                create temp table staging_counts (
                    line bigint not null, site_code text not null, survey_date date not null, survey_time time,
                    species text not null, individuals int, count_type text, not_counted_reason text, notes text,
                    method text, observer text) on commit drop
                """, ct);

            var (rowsRead, ignored, fileError) = await StageAsync(species, sites, ct);
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
            await Exec("analyze staging_counts", ct);
            await FindDuplicatesAsync(ct);

            if (errorCount > 0 && !options.AcceptPartial)
            {
                return await RejectAsync(tx, rowsRead, ignored, ct);
            }
            if (badLines.Count > 0)
            {
                await using var delete = new NpgsqlCommand("delete from staging_counts where line = any($1)", conn);
                delete.Parameters.AddWithValue(badLines.ToArray());
                await delete.ExecuteNonQueryAsync(ct);
            }
            var accepted = rowsRead - RejectedRows(rowsRead);
            if (accepted == 0)
            {
                return await RejectAsync(tx, rowsRead, ignored, ct);
            }

            var provisional = await CreateProvisionalSitesAsync(ct);
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

        /// <summary>Reads, validates and COPYs every row into the staging table.</summary>
        private async Task<(long Rows, IReadOnlyList<string> Ignored, RowError? FileError)> StageAsync(
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
            if (!Utf8.IsValid(Encoding.UTF8.GetBytes(string.Join(",", headers))) || headers.Any(h => h.Contains('\uFFFD', StringComparison.Ordinal)))
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
            await using var copy = await conn.BeginBinaryImportAsync(
                "copy staging_counts (line, site_code, survey_date, survey_time, species, individuals, count_type, " +
                "not_counted_reason, notes, method, observer) from stdin (format binary)", ct);
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
                var row = validator.Validate(line, i => i < reader.FieldCount ? reader.GetString(i) : null, rowErrors);
                if (row is not null)
                {
                    CheckSite(row, sites, columns, rowErrors);
                }
                if (rowErrors.Count > 0 || row is null)
                {
                    rowErrors.ForEach(AddError);
                    continue;
                }
                await WriteAsync(copy, row, ct);
            }
            await copy.CompleteAsync(ct);
            progress?.Report(new ImportProgress(rows, totalBytes, totalBytes));
            return (rows, columns.Ignored, null);
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

        private static async Task WriteAsync(NpgsqlBinaryImporter copy, CountRow row, CancellationToken ct)
        {
            await copy.StartRowAsync(ct);
            await copy.WriteAsync(row.Line, NpgsqlDbType.Bigint, ct);
            await copy.WriteAsync(row.SiteCode, NpgsqlDbType.Text, ct);
            await copy.WriteAsync(row.Date, NpgsqlDbType.Date, ct);
            await WriteNullable(copy, row.Time, NpgsqlDbType.Time, ct);
            await copy.WriteAsync(row.Species, NpgsqlDbType.Text, ct);
            await WriteNullable(copy, row.Individuals, NpgsqlDbType.Integer, ct);
            await WriteNullable(copy, row.CountType, NpgsqlDbType.Text, ct);
            await WriteNullable(copy, row.NotCountedReason, NpgsqlDbType.Text, ct);
            await WriteNullable(copy, row.Notes, NpgsqlDbType.Text, ct);
            await WriteNullable(copy, row.Method, NpgsqlDbType.Text, ct);
            await WriteNullable(copy, row.Observer, NpgsqlDbType.Text, ct);
        }

        private static Task WriteNullable<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken ct) =>
            value is null ? copy.WriteNullAsync(ct) : copy.WriteAsync(value, type, ct);

        /// <summary>The same site, date, time and species twice in one file: every row after the first is
        /// an error (which of two counts is right is the field team's call, not ours).</summary>
        private async Task FindDuplicatesAsync(CancellationToken ct)
        {
            await using var cmd = new NpgsqlCommand(
                """
                select array_agg(line order by line)
                from staging_counts
                group by lower(site_code), survey_date, survey_time, species
                having count(*) > 1
                """, conn);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var lines = reader.GetFieldValue<long[]>(0);
                foreach (var line in lines.Skip(1))
                {
                    AddError(new RowError(line, null, null, $"duplicate of line {lines[0]}: same site, date, time and species"));
                }
            }
        }

        private async Task<List<string>> CreateProvisionalSitesAsync(CancellationToken ct)
        {
            var created = new List<string>();
            foreach (var row in newSites.Values)
            {
                await using var cmd = new NpgsqlCommand(
                    """
                    insert into sites (code, name_en, country_code, location, is_provisional, created_by_import_id)
                    select $1, $2, $3, st_setsrid(st_makepoint($4, $5), 4326), true, $6
                    where exists (select 1 from staging_counts where lower(site_code) = lower($1))
                    on conflict (code) do nothing
                    """, conn);
                cmd.Parameters.AddWithValue(row.SiteCode);
                cmd.Parameters.AddWithValue(row.SiteName ?? row.SiteCode);
                cmd.Parameters.AddWithValue(row.Country!);
                cmd.Parameters.AddWithValue(row.Longitude!.Value);
                cmd.Parameters.AddWithValue(row.Latitude!.Value);
                cmd.Parameters.AddWithValue(importId);
                if (await cmd.ExecuteNonQueryAsync(ct) > 0)
                {
                    created.Add(row.SiteCode);
                }
            }
            return created;
        }

        /// <summary>Surveys are upserted by (site, date, time). The counts of those surveys for the species
        /// this file covers are replaced by the file's: a corrected file wins; counts of other species
        /// (another team's file for the same visit) stay.</summary>
        private async Task<(long Surveys, long Replaced, long Inserted)> MergeAsync(CancellationToken ct)
        {
            await Exec("""
                create temp table staged_surveys on commit drop as
                select distinct on (s.id, st.survey_date, st.survey_time)
                       s.id as site_id, st.survey_date, st.survey_time, st.method, st.observer
                from staging_counts st join sites s on lower(s.code) = lower(st.site_code)
                order by s.id, st.survey_date, st.survey_time, st.line
                """, ct);
            var surveys = await Exec($"""
                insert into surveys (site_id, survey_date, survey_time, method, observer, import_id)
                select site_id, survey_date, survey_time, method, observer, {importId} from staged_surveys
                on conflict (site_id, survey_date, survey_time) do update
                set method = coalesce(excluded.method, surveys.method),
                    observer = coalesce(excluded.observer, surveys.observer),
                    import_id = excluded.import_id
                """, ct);
            await Exec("""
                create temp table staged_counts on commit drop as
                select sv.id as survey_id, st.species, st.individuals, st.count_type, st.not_counted_reason, st.notes, st.line
                from staging_counts st
                join sites s on lower(s.code) = lower(st.site_code)
                join surveys sv on sv.site_id = s.id and sv.survey_date = st.survey_date
                     and coalesce(sv.survey_time, time '24:00') = coalesce(st.survey_time, time '24:00')
                """, ct);
            var replaced = await Exec("""
                delete from counts c
                using (select distinct survey_id from staged_counts) t
                where c.survey_id = t.survey_id and c.species_name in (select distinct species from staging_counts)
                """, ct);
            var inserted = await Exec($"""
                insert into counts (survey_id, species_name, individuals, count_type, not_counted_reason, notes, import_id, source_line)
                select survey_id, species, individuals, count_type, not_counted_reason, notes, {importId}, line::int from staged_counts
                """, ct);
            return (surveys, replaced, inserted);
        }

        private async Task<int> Exec(string sql, CancellationToken ct)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            await using var cmd = new NpgsqlCommand(sql, conn);
            var n = await cmd.ExecuteNonQueryAsync(ct);
            if (Environment.GetEnvironmentVariable("NEASPEC_TIMINGS") == "1")
            {
                Console.Error.WriteLine($"{System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds,7:0.00} s  {sql.Trim().Split('\n')[0]}");
            }
            return n;
        }
    }
}
