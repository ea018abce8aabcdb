using System.Globalization;
using System.Text;
using Neaspec.Survey.Storage;
using Neaspec.Survey.Ingestion.Import;

namespace Neaspec.Survey.Worker.Tests.TestUtilities;

/// <summary>A drop folder of a test's own, and runners over it.</summary>
public sealed class TestInbox : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("neaspec-inbox-").FullName;

    public string Processed => Path.Combine(Folder, "processed");

    public string Quarantine => Path.Combine(Folder, "quarantine");

    /// <summary>Options for tests: files settle at once, and database faults are retried in seconds, not minutes.</summary>
    public WorkerOptions Options(int stableSeconds = 0, int lockWaitSeconds = 0) => new()
    {
        Inbox = Folder,
        StableSeconds = stableSeconds,
        LockWaitSeconds = lockWaitSeconds,
        Retry = new RetryOptions
        {
            MaxAttempts = 4, BaseDelaySeconds = 0.2, MaxDelaySeconds = 1, BreakerMinimumThroughput = 5,
            BreakerSamplingSeconds = 30, BreakDurationSeconds = 5,
        },
    };

    public ImportRunner Runner(SurveyDatabase database, WorkerOptions? options = null, TestLogger<ImportRunner>? logger = null,
        IReadOnlyDictionary<FileKind, IFileImporter>? importers = null, TimeProvider? time = null) =>
        new(database, options ?? Options(), importers, logger ?? new TestLogger<ImportRunner>(), time);

    /// <summary>Writes a file into the inbox, its time stamp in the past so it has settled.</summary>
    public string Drop(string name, string content, TimeSpan? age = null)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, content, new UTF8Encoding(false));
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow - (age ?? TimeSpan.FromMinutes(5)));
        return path;
    }

    public string DropCopy(string source, string? name = null)
    {
        var path = Path.Combine(Folder, name ?? Path.GetFileName(source));
        File.Copy(source, path);
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow - TimeSpan.FromMinutes(5));
        return path;
    }

    public IReadOnlyList<string> InboxFiles() => Names(Folder);

    public IReadOnlyList<string> ProcessedFiles() => Names(Processed);

    public IReadOnlyList<string> QuarantineFiles() => Names(Quarantine);

    private static List<string> Names(string folder) =>
        Directory.Exists(folder) ? [.. Directory.EnumerateFiles(folder).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)] : [];

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}

/// <summary>Count-survey files made up for tests.</summary>
public static class CountFiles
{
    public static readonly string[] Species = ["Platalea minor", "Grus monacha", "Antigone vipio"];

    /// <summary>A valid count file of <paramref name="rows"/> rows (a multiple of 300): 100 provisional
    /// sites on a 0.1° grid over Korea, 3 species, consecutive days from 2020-01-01.</summary>
    public static string Large(int rows, string prefix = "GEN")
    {
        var sb = new StringBuilder(rows * 48);
        sb.Append("site_code,country,latitude,longitude,date,species,count\n");
        var days = rows / 300;
        var start = new DateOnly(2020, 1, 1);
        for (var d = 0; d < days; d++)
        {
            var date = start.AddDays(d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            for (var s = 0; s < 100; s++)
            {
                var lat = (35 + s / 10 * 0.1).ToString("0.0", CultureInfo.InvariantCulture);
                var lon = (127 + s % 10 * 0.1).ToString("0.0", CultureInfo.InvariantCulture);
                foreach (var sp in Species)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"{prefix}-{s:000},KR,{lat},{lon},{date},{sp},{(d * 7 + s * 3) % 500}\n");
                }
            }
        }
        return sb.ToString();
    }

    /// <summary>A small valid count file at a provisional site of its own: site <paramref name="index"/>
    /// lies 0.1° north of site index - 1 (away from the <see cref="Large"/> grid).</summary>
    public static string Small(string siteCode, int index, int days = 2)
    {
        var sb = new StringBuilder("site_code,country,latitude,longitude,date,species,count\n");
        var lat = (40 + index * 0.1).ToString("0.0", CultureInfo.InvariantCulture);
        for (var d = 0; d < days; d++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"{siteCode},KR,{lat},129.5,2025-01-{d + 1:00},Platalea minor,{10 + d}\n");
        }
        return sb.ToString();
    }
}
