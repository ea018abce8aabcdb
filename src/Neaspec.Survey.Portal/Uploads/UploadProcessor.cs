using Neaspec.Survey.Ingestion.Catalogue;
using Neaspec.Survey.Ingestion.Counts;
using Neaspec.Survey.Ingestion.Import;
using Neaspec.Survey.Ingestion.Sites;
using Neaspec.Survey.Ingestion.Tracks;
using Neaspec.Survey.Portal.Accounts;
using Neaspec.Survey.Storage;
using Neaspec.Survey.Storage.Model;

namespace Neaspec.Survey.Portal.Uploads;

/// <summary>One upload from start to end: receive (streamed to disk, hashed), recognise the kind of file,
/// hand it to the claimed import with that kind's importer, keep the bytes under their SHA-256 and record
/// the upload with the outcome in the portal's words.</summary>
public sealed class UploadProcessor(SurveyDatabase database, PortalDbContext portal, UploadStore store, ImportLimits limits)
{
    /// <summary>What the sites form takes: CSV or GeoJSON.</summary>
    private static readonly IReadOnlyList<string> SiteExtensions = [".csv", ".geojson", ".json"];

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
        var detected = FileKindDetector.Detect(file.Path, file.SafeName, FileKindDetector.CsvExtensions);
        // The one switch on file kind: the upload form takes count surveys and Movebank tracks. Any other
        // text goes to the count importer, whose answer names the columns its header lacks.
        var (kind, importer) = detected switch
        {
            { Kind: FileKind.Tracks } => (UploadKinds.Movebank, new TrackImporter(new TrackImportOptions { AcceptPartial = acceptPartial })),
            { IsPlainText: true } => (UploadKinds.Counts, (IFileImporter)new CountImporter(new CountImportOptions { AcceptPartial = acceptPartial })),
            _ => (UploadKinds.NotCsv, null),
        };
        var outcome = await ImportAsync(file, user, importer, detected, cancellationToken);
        return await RecordAsync(user, file, kind, outcome with { Message = Present(outcome, kind) });
    }

    /// <summary>A sites file from an admin: kept and recorded like any upload, loaded by the site importer.</summary>
    public Task<ImportOutcome> ProcessSitesAsync(PortalUser user, Stream content, string? fileName, CancellationToken cancellationToken) =>
        ProcessAdminFileAsync(user, content, fileName, SiteExtensions, new SiteImporter(), UploadKinds.Sites, cancellationToken);

    /// <summary>A species file from an admin (docs/species.md): kept and recorded like any upload, loaded by the species
    /// importer, all or nothing.</summary>
    public Task<ImportOutcome> ProcessSpeciesAsync(PortalUser user, Stream content, string? fileName, CancellationToken cancellationToken) =>
        ProcessAdminFileAsync(user, content, fileName, FileKindDetector.CsvExtensions, new SpeciesImporter(), UploadKinds.Species, cancellationToken);

    /// <summary>A catalogue file of an admin's page: any plain text with an allowed extension goes to the page's
    /// importer, whose answer names what its header lacks.</summary>
    private async Task<ImportOutcome> ProcessAdminFileAsync(PortalUser user, Stream content, string? fileName, IReadOnlyList<string> extensions,
        IFileImporter importer, string kind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var file = await store.ReceiveAsync(content, fileName, cancellationToken);
        var detected = FileKindDetector.Detect(file.Path, file.SafeName, extensions);
        var outcome = await ImportAsync(file, user, detected.IsPlainText ? importer : null, detected, cancellationToken);
        await RecordAsync(user, file, kind, outcome);
        return outcome;
    }

    /// <summary>The claimed import of a received file, or its refusal when no importer of this form takes it.</summary>
    private async Task<ImportOutcome> ImportAsync(ReceivedFile file, PortalUser user, IFileImporter? importer, DetectedFile detected,
        CancellationToken cancellationToken)
    {
        if (importer is null)
        {
            var reason = detected.Kind == FileKind.Unknown ? detected.Description : $"{detected.Description}: not a file this form takes";
            return new ImportOutcome { Status = ImportStatus.Rejected, FileName = file.SafeName, Message = $"{file.SafeName}: rejected, nothing stored: {reason}" };
        }
        try
        {
            // The request's token: a client that goes away stops the import (rolled back, ledger failed);
            // a file over the Import:Limits stops it too, rejected. Identical uploads at once wait for the
            // one that loads, so each ends unchanged rather than running.
            return await new ClaimedImport(database, limits).RunAsync(importer, new ImportRequest(file.Path)
            {
                Name = file.SafeName, ImportedBy = user.Email, ReportDirectory = store.ReportFolder(file),
                StagingDirectory = file.Folder, WaitForRunning = true,
            }, cancellationToken);
        }
        catch
        {
            Directory.Delete(file.Folder, recursive: true);
            throw;
        }
    }

    /// <summary>The outcome in the words of the upload page: its form's box instead of a command-line option,
    /// and for Movebank tracks the counts a telemetry team checks first.</summary>
    private static string Present(ImportOutcome outcome, string kind)
    {
        var message = outcome.Message;
        if (outcome.Remedies.HasFlag(ImportRemedy.AcceptPartial))
        {
            message += " Fix the file and upload it again, or tick 'Load the good rows' to load the rows without errors.";
        }
        if (outcome.Remedies.HasFlag(ImportRemedy.ReferenceData))
        {
            message += " Ask an admin to load the tracks together with the study's reference data (deployments).";
        }
        if (kind == UploadKinds.Movebank && outcome is { Loaded: true, Details: TrackImportDetails t })
        {
            message = $"{outcome.FileName}: Movebank tracks, {outcome.RowsAccepted:N0} fixes stored, {outcome.Duplicates:N0} duplicates, " +
                $"{outcome.Flagged:N0} flagged, {t.RowsWithoutLocation:N0} rows without location, {outcome.RowsRejected:N0} rejected. ({message})";
        }
        return message;
    }

    private async Task<Upload> RecordAsync(PortalUser user, ReceivedFile file, string kind, ImportOutcome outcome)
    {
        var upload = new Upload
        {
            UserId = user.Id, UserEmail = user.Email ?? user.UserName ?? user.Id, Team = user.Team,
            OriginalName = file.SafeName, Sha256 = file.Sha256, SizeBytes = file.SizeBytes, Kind = kind,
            StoredPath = store.Keep(file), UploadedAt = DateTime.UtcNow, ImportId = outcome.ImportId,
            Status = outcome.Status, Message = outcome.Message, RowsRead = outcome.RowsRead,
            RowsAccepted = outcome.RowsAccepted, RowsRejected = outcome.RowsRejected,
            ErrorReportPath = store.Relative(outcome.ErrorReportPath),
        };
        portal.Uploads.Add(upload);
        // The file is loaded (or not) already: record that even if the browser has gone away.
        await portal.SaveChangesAsync(CancellationToken.None);
        return upload;
    }
}
