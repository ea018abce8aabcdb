namespace Neaspec.Survey.Storage.Model;

/// <summary>Run status values.</summary>
public static class ImportRunStatus
{
    public const string Running = "running";
    /// <summary>Every file taken was loaded (or was already loaded).</summary>
    public const string Succeeded = "succeeded";
    /// <summary>The run finished; some files were rejected or failed.</summary>
    public const string CompletedWithErrors = "completed_with_errors";
    /// <summary>The database stayed unavailable; the run stopped and left the files for the next run.</summary>
    public const string Aborted = "aborted";
    /// <summary>The worker stopped before finishing the run (found by the next run).</summary>
    public const string Abandoned = "abandoned";
}
