using Neaspec.Survey.Ingestion.Counts;
using Neaspec.Survey.Ingestion.Ledger;
using Neaspec.Survey.Ingestion.Sites;
using Neaspec.Survey.Ingestion.Tracks;
using Neaspec.Survey.Storage;
using Neaspec.Survey.Worker.Inbox;

namespace Neaspec.Survey.Worker;

/// <summary>What one importer did with one file, in the words every importer shares. Status is an
/// <see cref="Storage.Model.ImportStatus"/> value (succeeded, partial, rejected, unchanged, running).</summary>
public sealed record FileImportOutcome(string Status, long Rows, long Rejects, string Message)
{
    public long? ImportId { get; init; }

    /// <summary>The error report the importer wrote (beside the input), moved with the file.</summary>
    public string? ErrorReportPath { get; init; }
}

/// <summary>Loads one file. Claims it in the ledger by SHA-256 first (the importers do), and throws only
/// when the load broke (a database fault is retried by the runner).</summary>
public delegate Task<FileImportOutcome> FileImport(string path, CancellationToken cancellationToken);

/// <summary>The table of file kind -> importer the worker dispatches on. A kind that is not in the table
/// is left in the inbox with a log line, for a later version that knows it.</summary>
public static class FileImporters
{
    public static Dictionary<FileKind, FileImport> Create(SurveyDatabase database, WorkerOptions options, string importedBy)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new Dictionary<FileKind, FileImport>
        {
            [FileKind.Counts] = async (path, ct) =>
            {
                var r = await new CountImporter(database).ImportAsync(path, new CountImportOptions
                {
                    AcceptPartial = options.AcceptPartial,
                    ImportedBy = importedBy,
                    DuplicateSiteDistanceMeters = options.DuplicateSiteDistanceMeters,
                }, null, ct);
                return new FileImportOutcome(r.Status, r.RowsAccepted, r.RowsRejected, r.Message)
                {
                    ImportId = r.ImportId, ErrorReportPath = r.ErrorReportPath,
                };
            },
            [FileKind.Sites] = async (path, ct) =>
            {
                var r = await new SiteImporter(database).ImportAsync(path, importedBy, ct);
                return new FileImportOutcome(r.Status, r.Inserted + r.Updated, r.Errors.Select(e => e.Line).Distinct().LongCount(), r.Message)
                {
                    ImportId = r.ImportId, ErrorReportPath = r.ErrorReportPath,
                };
            },
            [FileKind.Tracks] = async (path, ct) =>
            {
                var r = await new TrackImporter(database).ImportAsync(path, new TrackImportOptions
                {
                    AcceptPartial = options.AcceptPartial,
                    ImportedBy = importedBy,
                }, null, ct);
                if (r.Failure is not null)
                {
                    // The runner decides from the exception whether to retry (a database fault) or not.
                    System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(r.Failure);
                }
                var report = r.Errors.Count > 0 ? ErrorReport.Write(path, r.Errors) : null;
                return new FileImportOutcome(r.Status, r.FixesStored, r.RowsRejected, r.Message ?? r.Status)
                {
                    ImportId = r.ImportId, ErrorReportPath = report,
                };
            },
            // Movebank reference data (deployments) loads together with its tracks file
            // (neaspec tracks import FILE --reference REF); alone in the drop folder it waits for an operator.
        };
    }
}
