using Neaspec.Survey.Ingestion.Counts;
using Neaspec.Survey.Ingestion.Import;
using Neaspec.Survey.Ingestion.Sites;
using Neaspec.Survey.Ingestion.Tracks;

namespace Neaspec.Survey.Worker;

/// <summary>The table of file kind -> importer the worker dispatches on, with the worker's settings. A kind
/// that is not in the table is left in the inbox with a log line: Movebank reference data (deployments)
/// loads together with its tracks file (neaspec tracks import FILE --reference REF); alone in the drop
/// folder it waits for an operator.</summary>
public static class FileImporters
{
    public static Dictionary<FileKind, IFileImporter> Create(WorkerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new Dictionary<FileKind, IFileImporter>
        {
            [FileKind.Counts] = new CountImporter(new CountImportOptions
            {
                AcceptPartial = options.AcceptPartial,
                DuplicateSiteDistanceMeters = options.DuplicateSiteDistanceMeters,
            }),
            [FileKind.Sites] = new SiteImporter(),
            [FileKind.Tracks] = new TrackImporter(new TrackImportOptions { AcceptPartial = options.AcceptPartial }),
        };
    }
}
