using Neaspec.Survey.Files;

namespace Neaspec.Survey.Worker.Inbox;

/// <summary>The drop folder: <c>inbox/</c> holds new files, <c>processed/</c> the loaded ones,
/// <c>quarantine/</c> the rejected ones beside their error reports, and the worker's private
/// <c>.neaspec/</c> (mode 700) the snapshot being imported and error reports until they join their file.
/// Nothing is ever deleted: a name taken in the target folder gets a time stamp instead of overwriting,
/// and a move is atomic (<see cref="AtomicFile.Move"/>): across file systems a copy is made under a
/// temporary name, flushed and renamed, so a full disk leaves the file whole in the inbox and no partial
/// copy behind.</summary>
public sealed class DropFolder(WorkerOptions options, TimeProvider time)
{
    /// <summary>Suffix of a file an uploader is still writing; it renames the file when done.</summary>
    public const string PartSuffix = ".part";

    public const string ErrorReportSuffix = ".errors.csv";

    public string Inbox { get; } = options.InboxFolder;

    public string Processed { get; } = options.ProcessedPath;

    public string Quarantine { get; } = options.QuarantinePath;

    /// <summary>Snapshots of the files being imported (private).</summary>
    public string Staging { get; } = Path.Combine(options.WorkPath, "staging");

    /// <summary>Error reports until they are moved beside their file (private).</summary>
    public string Reports { get; } = Path.Combine(options.WorkPath, "reports");

    public void EnsureFolders()
    {
        Directory.CreateDirectory(Processed);
        Directory.CreateDirectory(Quarantine);
        foreach (var folder in new[] { options.WorkPath, Staging, Reports })
        {
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(folder);
            }
            else
            {
                Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }
    }

    /// <summary>Files of the inbox (not its subfolders) that could be imported: not hidden (rsync and
    /// most sync tools write to a hidden temp name first), not <c>.part</c>/<c>.tmp</c>, not an error
    /// report. A file is ready when it has not been written to for <see cref="WorkerOptions.StableSeconds"/>.</summary>
    public InboxScan Scan()
    {
        var ready = new List<InboxFile>();
        var settling = new List<InboxFile>();
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var info in new DirectoryInfo(Inbox).EnumerateFiles().OrderBy(f => f.Name, StringComparer.Ordinal))
        {
            if (IsIgnored(info.Name))
            {
                continue;
            }
            var file = new InboxFile(info.FullName, info.Length, info.LastWriteTimeUtc);
            (now - file.LastWriteUtc >= TimeSpan.FromSeconds(options.StableSeconds) ? ready : settling).Add(file);
        }
        return new InboxScan(ready, settling);
    }

    public static bool IsIgnored(string name) =>
        name.StartsWith('.') || name.StartsWith('~')
        || name.EndsWith(PartSuffix, StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(".tmp", StringComparison.OrdinalIgnoreCase)
        || name.EndsWith(ErrorReportSuffix, StringComparison.OrdinalIgnoreCase);

    /// <summary>The file is still there with the size and time the scan saw (a second look: a writer
    /// that keeps old time stamps still changes the size).</summary>
    public static bool Unchanged(InboxFile file)
    {
        var info = new FileInfo(file.Path);
        return info.Exists && info.Length == file.Length && info.LastWriteTimeUtc == file.LastWriteUtc;
    }

    /// <summary>Moves a loaded file (and its error report, if the load skipped bad rows) to processed/.</summary>
    public (string File, string? Report) MoveToProcessed(string path, string? reportPath) => MoveTo(Processed, path, reportPath);

    /// <summary>Moves a rejected file to quarantine/, its error report beside it.</summary>
    public (string File, string? Report) MoveToQuarantine(string path, string? reportPath) => MoveTo(Quarantine, path, reportPath);

    /// <summary>Moves the file, then its report. A file that cannot be moved throws with the file still in
    /// the inbox; a report that cannot be moved stays in the private reports folder (its path is returned),
    /// since the file has gone where it belongs and the ledger holds the errors.</summary>
    private (string File, string? Report) MoveTo(string folder, string path, string? reportPath)
    {
        var target = FreeName(Path.Combine(folder, Path.GetFileName(path)));
        AtomicFile.Move(path, target);
        string? report = null;
        if (reportPath is not null && File.Exists(reportPath))
        {
            report = FreeName(target + ErrorReportSuffix);
            try
            {
                AtomicFile.Move(reportPath, report);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                report = reportPath;
            }
        }
        return (target, report);
    }

    private string FreeName(string target)
    {
        if (!File.Exists(target))
        {
            return target;
        }
        var stamp = time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var name = Path.GetFileNameWithoutExtension(target);
        var ext = Path.GetExtension(target);
        var folder = Path.GetDirectoryName(target)!;
        for (var i = 0; ; i++)
        {
            var candidate = Path.Combine(folder, i == 0 ? $"{name}.{stamp}{ext}" : $"{name}.{stamp}-{i}{ext}");
            if (!File.Exists(candidate))
            {
                return candidate;
            }
        }
    }
}
