using Neaspec.Survey.Ingestion.Counts;
using Neaspec.Survey.Ingestion.Ledger;
using Neaspec.Survey.Ingestion.Tracks;
using Neaspec.Survey.Ingestion.Sites;
using Neaspec.Survey.Portal.Accounts;
using Neaspec.Survey.Storage;
using Neaspec.Survey.Storage.Model;

namespace Neaspec.Survey.Portal.Uploads;

/// <summary>What an importer answered, in the words the upload page shows.</summary>
public sealed record ImportAnswer(string Status, string Message, long? ImportId = null, long RowsRead = 0,
    long RowsAccepted = 0, long RowsRejected = 0, string? ErrorReportPath = null);

/// <summary>One upload from start to end: receive (streamed to disk, hashed), recognise the kind of file,
/// hand it to that kind's importer, keep the bytes under their SHA-256 and record the upload.</summary>
public sealed class UploadProcessor(SurveyDatabase database, PortalDbContext portal, UploadStore store)
{
    public async Task<Upload> ProcessAsync(PortalUser user, Stream content, string? fileName, bool acceptPartial,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var file = await store.ReceiveAsync(content, fileName, cancellationToken);
        if (file.SizeBytes == 0)
        {
            Directory.Delete(file.Folder, recursive: true);
            throw new EmptyUploadException();
        }
        string kind;
        ImportAnswer answer;
        try
        {
            (kind, var notCsv) = FileKind.Detect(file.Path, file.SafeName);
            var reports = store.ReportFolder(file);
            // The one switch on file kind: each kind's importer is wired here.
            answer = kind switch
            {
                UploadKinds.Counts => await ImportCountsAsync(file, user, acceptPartial, reports, cancellationToken),
                UploadKinds.Movebank => await ImportTracksAsync(file, user, acceptPartial, reports, cancellationToken),
                _ => new ImportAnswer(ImportStatus.Rejected, $"{file.SafeName}: rejected, nothing stored: {notCsv}"),
            };
        }
        catch
        {
            Directory.Delete(file.Folder, recursive: true);
            throw;
        }
        return await RecordAsync(user, file, kind, answer);
    }

    /// <summary>A sites file from an admin: kept and recorded like any upload, loaded by the site importer.</summary>
    public async Task<SiteImportResult> ProcessSitesAsync(PortalUser user, Stream content, string? fileName,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var file = await store.ReceiveAsync(content, fileName, cancellationToken);
        SiteImportResult result;
        try
        {
            var (kind, notCsv) = FileKind.Detect(file.Path, file.SafeName, [".csv", ".geojson", ".json"]);
            result = kind == UploadKinds.NotCsv
                ? new SiteImportResult(ImportStatus.Rejected, null, $"{file.SafeName}: rejected, nothing stored: {notCsv}", 0, 0, [], null)
                : await new SiteImporter(database).ImportAsync(file.Path, user.Email, cancellationToken);
        }
        catch
        {
            Directory.Delete(file.Folder, recursive: true);
            throw;
        }
        await RecordAsync(user, file, UploadKinds.Sites, new ImportAnswer(result.Status, result.Message, result.ImportId,
            result.Inserted + result.Updated + result.Errors.Count, result.Inserted + result.Updated, result.Errors.Count));
        return result;
    }

    private async Task<Upload> RecordAsync(PortalUser user, ReceivedFile file, string kind, ImportAnswer answer)
    {
        var upload = new Upload
        {
            UserId = user.Id, UserEmail = user.Email ?? user.UserName ?? user.Id, Team = user.Team,
            OriginalName = file.SafeName, Sha256 = file.Sha256, SizeBytes = file.SizeBytes, Kind = kind,
            StoredPath = store.Keep(file), UploadedAt = DateTime.UtcNow, ImportId = answer.ImportId,
            Status = answer.Status, Message = answer.Message, RowsRead = answer.RowsRead,
            RowsAccepted = answer.RowsAccepted, RowsRejected = answer.RowsRejected,
            ErrorReportPath = store.Relative(answer.ErrorReportPath),
        };
        portal.Uploads.Add(upload);
        // The file is loaded (or not) already: record that even if the browser has gone away.
        await portal.SaveChangesAsync(CancellationToken.None);
        return upload;
    }

    private async Task<ImportAnswer> ImportCountsAsync(ReceivedFile file, PortalUser user, bool acceptPartial, string reports,
        CancellationToken cancellationToken)
    {
        var result = await new CountImporter(database).ImportAsync(file.Path, new CountImportOptions
        {
            ImportedBy = user.Email, AcceptPartial = acceptPartial, ReportDirectory = reports,
        }, progress: null, cancellationToken);
        var message = result.Message.Replace("--accept-partial", "the 'Load the good rows' box", StringComparison.Ordinal);
        return new ImportAnswer(result.Status, message, result.ImportId, result.RowsRead, result.RowsAccepted,
            result.RowsRejected, result.ErrorReportPath);
    }

    /// <summary>Movebank tracks (CSV, or gzip-compressed CSV): the track importer loads them into <c>fixes</c>.
    /// Accepted = fixes stored; duplicates, flagged fixes and rows without a location are in the message (the
    /// ledger keeps duplicates and flagged too). The importer writes no error report: it is written here, as
    /// the count importer does, into the upload's report folder.</summary>
    private async Task<ImportAnswer> ImportTracksAsync(ReceivedFile file, PortalUser user, bool acceptPartial, string reports,
        CancellationToken cancellationToken)
    {
        var result = await new TrackImporter(database).ImportAsync(file.Path, new TrackImportOptions
        {
            // Rows that name no study belong to the file's own study: the received file keeps the name as
            // sent (made safe), so the importer's default (the name without extensions) is the right one.
            ImportedBy = user.Email, AcceptPartial = acceptPartial,
        }, progress: null, cancellationToken);
        var reportPath = result.Errors.Count > 0 ? ErrorReport.Write(file.Path, result.Errors, reports) : null;
        var message = (result.Message ?? result.Status)
            .Replace("use --accept-partial", "tick the 'Load the good rows' box", StringComparison.Ordinal)
            .Replace("--accept-partial", "the 'Load the good rows' box", StringComparison.Ordinal);
        if (result.Status is ImportStatus.Succeeded or ImportStatus.Partial)
        {
            message = $"{file.SafeName}: Movebank tracks, {result.FixesStored:N0} fixes stored, {result.Duplicates:N0} duplicates, " +
                $"{result.Flagged:N0} flagged, {result.RowsWithoutLocation:N0} rows without location, {result.RowsRejected:N0} rejected. ({message})";
        }
        return new ImportAnswer(result.Status, message, result.ImportId, result.RowsRead, result.FixesStored,
            result.RowsRejected, reportPath);
    }
}
