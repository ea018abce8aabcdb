using Neaspec.Survey.Storage.Model;

namespace Neaspec.Survey.Worker;

/// <summary>The summary of one run, as kept in <c>import_runs</c> and logged.</summary>
public sealed record RunSummary
{
    /// <summary>The run's row in <c>import_runs</c>; null when the run was skipped or never reached the database.</summary>
    public long? RunId { get; init; }

    /// <summary>An <see cref="ImportRunStatus"/> value, or <see cref="Skipped"/>.</summary>
    public required string Status { get; init; }

    public const string Skipped = "skipped";

    public int Files { get; init; }
    public int FilesLoaded { get; init; }
    public int FilesUnchanged { get; init; }
    public int FilesRejected { get; init; }
    public int FilesFailed { get; init; }
    public int FilesLeft { get; init; }
    public long Rows { get; init; }
    public long Rejects { get; init; }
    public TimeSpan Duration { get; init; }
    public required string Message { get; init; }
    public IReadOnlyList<FileResult> Results { get; init; } = [];

    /// <summary>The exit code of <c>neaspec worker --once</c>: 0 all well (or skipped: another worker
    /// runs), 1 a file was rejected or failed, 3 the run stopped early — the database stayed unavailable
    /// or the worker was stopped — and its files wait in the inbox for the next run.</summary>
    public int ExitCode => Status switch
    {
        ImportRunStatus.Aborted => 3,
        _ when FilesRejected > 0 || FilesFailed > 0 => 1,
        _ => 0,
    };
}
