using Neaspec.Survey.Ingestion.Import;
using Neaspec.Survey.Storage;

namespace Neaspec.Survey.Testing;

/// <summary>Importing a file in a test as every caller does: through the claimed import.</summary>
public static class Imports
{
    public static Task<ImportOutcome> ImportAsync(this SurveyDatabase database, IFileImporter importer, string path,
        CancellationToken cancellationToken = default) =>
        new ClaimedImport(database).RunAsync(importer, new ImportRequest(path) { ImportedBy = "test" }, cancellationToken);
}
