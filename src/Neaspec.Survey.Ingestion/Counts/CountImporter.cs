using Neaspec.Survey.Ingestion.Counts.Load;
using Neaspec.Survey.Ingestion.Counts.Read;
using Neaspec.Survey.Ingestion.Counts.Validate;
using Neaspec.Survey.Ingestion.Import;
using Neaspec.Survey.Ingestion.Ledger;
using Neaspec.Survey.Ingestion.Sites;
using Neaspec.Survey.Storage;
using Neaspec.Survey.Storage.Model;

namespace Neaspec.Survey.Ingestion.Counts;

/// <summary>Loads a count-survey CSV: read (CsvHelper, streaming) -> validate (row rules, sites, duplicates
/// inside the file) -> stage (binary COPY into a temporary table as rows are read) -> merge (surveys
/// upserted, counts of the file's surveys and species replaced), all in the claimed import's transaction.</summary>
public sealed class CountImporter(CountImportOptions? options = null) : IFileImporter
{
    private readonly CountImportOptions options = options ?? new CountImportOptions();

    public string Kind => ImportKind.Counts;

    public async Task<ImportOutcome> LoadAsync(ClaimedFile claimed, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        var conn = claimed.Connection;
        var clock = new StageClock();
        var errors = new ErrorList(options.MaxErrorsKept);
        using var reader = CountFileReader.Open(claimed.OpenText(), claimed.Limits);
        if (reader.HeaderError is { } headerError)
        {
            errors.Add(headerError);
            return Rejected(claimed.File.Name, reader, errors);
        }
        var sites = await SiteDirectory.LoadAsync(conn, null, cancellationToken);
        var validator = new CountRowValidator(reader.Columns!, await SpeciesResolver.LoadAsync(conn, cancellationToken), claimed.Dates);
        var siteCheck = new CountSiteCheck(sites, reader.Columns!, options.DuplicateSiteDistanceMeters);
        var keys = new CountKeys();
        clock.Lap("catalogue and sites");

        long staged;
        using (var staging = await CountStaging.BeginAsync(conn, cancellationToken))
        {
            StageRows(reader, validator, siteCheck, keys, staging, errors, claimed.Progress, cancellationToken);
            staging.Complete();
            staged = staging.Rows;
        }
        clock.Lap("read, validate and COPY rows into staging_counts");
        if (reader.Rows == 0)
        {
            errors.Add(new RowError(1, null, null, "the file has a header but no data rows"));
        }
        if (reader.Rows == 0 || (errors.Count > 0 && !options.AcceptPartial) || staged == 0)
        {
            return Rejected(claimed.File.Name, reader, errors);
        }

        var provisional = await ProvisionalSites.CreateAsync(conn, siteCheck.NewSites, keys.Visits, sites, claimed.ImportId, cancellationToken);
        await CountStaging.CopyVisitsAsync(conn, keys.Visits, sites, cancellationToken);
        clock.Lap("provisional sites, COPY visits into staging_visits");
        var (surveys, replaced, inserted) = await CountMerge.RunAsync(conn, claimed.ImportId, keys.Species, clock, cancellationToken);
        return Loaded(claimed.File.Name, reader, errors, new CountImportDetails(surveys, replaced, provisional, reader.Ignored), inserted)
            with { Timings = clock.Timings };
    }

    /// <summary>Reads and validates every row; good rows go to staging as they are read.</summary>
    private static void StageRows(CountFileReader reader, CountRowValidator validator, CountSiteCheck siteCheck, CountKeys keys,
        CountStaging staging, ErrorList errors, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var rowErrors = new List<RowError>();
        Func<int, string?> field = reader.Field;
        while (reader.Read())
        {
            if ((reader.Rows & 0xFFFF) == 0)
            {
                progress?.Report(new ImportProgress(reader.Rows, reader.Bytes, reader.TotalBytes, "reading"));
                ct.ThrowIfCancellationRequested();
            }
            if (reader.LineError() is { } lineError)
            {
                errors.Add(lineError);
                continue;
            }
            rowErrors.Clear();
            var row = validator.Validate(reader.Line, field, rowErrors);
            if (row is not null)
            {
                siteCheck.Check(row, rowErrors);
            }
            if (rowErrors.Count > 0 || row is null)
            {
                rowErrors.ForEach(errors.Add);
                continue;
            }
            var (visit, duplicate) = keys.Add(row);
            if (duplicate is not null)
            {
                errors.Add(duplicate);
                continue;
            }
            staging.Write(visit.Number, row);
        }
        progress?.Report(new ImportProgress(reader.Rows, reader.TotalBytes, reader.TotalBytes, "merging"));
    }

    private static long RejectedRows(CountFileReader reader, ErrorList errors) => Math.Min(reader.Rows, errors.Rows);

    private ImportOutcome Rejected(string name, CountFileReader reader, ErrorList errors)
    {
        var first = errors.Kept.Count > 0 ? errors.Kept[0].ToString() : "";
        var someRowsGood = reader.Rows > 0 && RejectedRows(reader, errors) < reader.Rows;
        var message = reader.Rows == 0 || errors.Rows == 0
            ? $"{name}: rejected, nothing stored: {first}"
            : $"{name}: rejected, nothing stored: {errors.Count:N0} error(s) in {RejectedRows(reader, errors):N0} of {reader.Rows:N0} rows (first: {first})";
        return new ImportOutcome
        {
            Status = ImportStatus.Rejected, Message = message, RowsRead = reader.Rows, RowsRejected = reader.Rows,
            Errors = errors.Kept, ErrorCount = errors.Count,
            Remedies = someRowsGood && !options.AcceptPartial ? ImportRemedy.AcceptPartial : ImportRemedy.None,
            Details = new CountImportDetails(0, 0, [], reader.Ignored),
        };
    }

    private static ImportOutcome Loaded(string name, CountFileReader reader, ErrorList errors, CountImportDetails details, long inserted)
    {
        var message = $"{name}: {inserted:N0} counts in {details.Surveys:N0} surveys loaded" +
            (details.CountsReplaced > 0 ? $", {details.CountsReplaced:N0} earlier counts of the same surveys replaced" : "") +
            (details.ProvisionalSites.Count > 0 ? $", {details.ProvisionalSites.Count} provisional site(s) created ({string.Join(", ", details.ProvisionalSites)})" : "") +
            (errors.Count > 0 ? $"; {errors.Count:N0} error(s) in {RejectedRows(reader, errors):N0} row(s) skipped" : "");
        return new ImportOutcome
        {
            Status = errors.Count > 0 ? ImportStatus.Partial : ImportStatus.Succeeded, Message = message,
            RowsRead = reader.Rows, RowsAccepted = inserted, RowsRejected = reader.Rows - inserted,
            Errors = errors.Kept, ErrorCount = errors.Count, Details = details,
        };
    }
}
