using Neaspec.Survey.Ingestion.Import;

namespace Neaspec.Survey.Worker.Tests.TestUtilities;

/// <summary>A real importer with a hook that runs when its load begins (the file claimed, its transaction
/// open): what a test needs to act while an import is under way.</summary>
public sealed class HookedImporter(IFileImporter inner, Func<CancellationToken, Task> onLoad) : IFileImporter
{
    public string Kind => inner.Kind;

    public async Task<ImportOutcome> LoadAsync(ClaimedFile claimed, CancellationToken cancellationToken)
    {
        await onLoad(cancellationToken);
        return await inner.LoadAsync(claimed, cancellationToken);
    }

    /// <summary>The worker's importers, the count importer's load hooked.</summary>
    public static Dictionary<FileKind, IFileImporter> OnCounts(WorkerOptions options, Func<CancellationToken, Task> onLoad)
    {
        var importers = FileImporters.Create(options);
        importers[FileKind.Counts] = new HookedImporter(importers[FileKind.Counts], onLoad);
        return importers;
    }
}
