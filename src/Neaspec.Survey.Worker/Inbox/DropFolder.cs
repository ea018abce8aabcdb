namespace Neaspec.Survey.Worker.Inbox;

/// <summary>The drop folder: <c>inbox/</c> holds new files, <c>processed/</c> the loaded ones,
/// <c>quarantine/</c> the rejected ones beside their error reports. Nothing is ever deleted: a name
/// taken in the target folder gets a time stamp instead of overwriting.</summary>
public sealed class DropFolder(WorkerOptions options, TimeProvider time)
{
    /// <summary>Suffix of a file an uploader is still writing; it renames the file when done.</summary>
    public const string PartSuffix = ".part";

    public const string ErrorReportSuffix = ".errors.csv";

    public string Inbox { get; } = options.InboxFolder;

    public string Processed { get; } = options.ProcessedPath;

    public string Quarantine { get; } = options.QuarantinePath;

    public void EnsureFolders()
    {
        Directory.CreateDirectory(Processed);
        Directory.CreateDirectory(Quarantine);
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

    private (string File, string? Report) MoveTo(string folder, string path, string? reportPath)
    {
        var target = FreeName(Path.Combine(folder, Path.GetFileName(path)));
        File.Move(path, target);
        string? report = null;
        if (reportPath is not null && File.Exists(reportPath))
        {
            report = FreeName(target + ErrorReportSuffix);
            File.Move(reportPath, report);
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
