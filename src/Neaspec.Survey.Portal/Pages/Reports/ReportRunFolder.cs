using System.IO.Compression;
using System.Text.Json;

namespace Neaspec.Survey.Portal.Pages.Reports;

/// <summary>
/// Report runs kept in folders of their own (<c>&lt;folder&gt;/&lt;32 hex digits&gt;/</c>): each run's files, a zip of
/// them and its <c>run.json</c> (what the list shows). A run id is made here (a random GUID), so a download resolves an
/// id this page created and one of the fixed file names; nothing a user sends becomes part of a path.
/// </summary>
/// <typeparam name="TRun">What run.json holds.</typeparam>
/// <param name="folder">The folder of this kind of report.</param>
/// <param name="id">The run's id in its record.</param>
/// <param name="createdAt">When the run was made, for the newest-first list.</param>
internal sealed class ReportRunFolder<TRun>(string folder, Func<TRun, string> id, Func<TRun, DateTime> createdAt)
{
    public const string RunFile = "run.json";
    public const string ZipFile = "report.zip";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>A new, empty run folder; returns its id and path.</summary>
    public (string Id, string Directory) Create()
    {
        var runId = Guid.NewGuid().ToString("N");
        var directory = Path.Combine(folder, runId);
        Directory.CreateDirectory(directory);
        return (runId, directory);
    }

    /// <summary>Zips the run's files beside them and writes its record: the run is listed from now on.</summary>
    public async Task FinishAsync(string directory, TRun run, CancellationToken cancellationToken)
    {
        var files = Directory.GetFiles(directory).Order(StringComparer.Ordinal).ToList();
        using (var zip = System.IO.Compression.ZipFile.Open(Path.Combine(directory, ZipFile), ZipArchiveMode.Create))
        {
            foreach (var file in files)
            {
                zip.CreateEntryFromFile(file, Path.GetFileName(file), CompressionLevel.Optimal);
            }
        }
        await File.WriteAllTextAsync(Path.Combine(directory, RunFile), JsonSerializer.Serialize(run, Json), cancellationToken);
    }

    /// <summary>The path of <paramref name="name"/> in run <paramref name="run"/>, or null when the id is not one this
    /// page made or the file is not there.</summary>
    public string? PathOf(string? run, string name)
    {
        if (!IsRunId(run))
        {
            return null;
        }
        var path = Path.Combine(folder, run!, name);
        return File.Exists(path) ? path : null;
    }

    /// <summary>The runs kept, newest first; a folder without a readable run.json is not listed.</summary>
    public IReadOnlyList<TRun> List()
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }
        var runs = new List<TRun>();
        foreach (var directory in Directory.EnumerateDirectories(folder))
        {
            var path = Path.Combine(directory, RunFile);
            if (!IsRunId(Path.GetFileName(directory)) || !File.Exists(path))
            {
                continue;
            }
            try
            {
                if (JsonSerializer.Deserialize<TRun>(File.ReadAllText(path), Json) is { } run && id(run) == Path.GetFileName(directory))
                {
                    runs.Add(run);
                }
            }
            catch (JsonException)
            {
                // A damaged run.json: the run is not listed.
            }
        }
        return [.. runs.OrderByDescending(createdAt)];
    }

    /// <summary>32 lower-case hex digits: the form of the ids <see cref="Create"/> makes.</summary>
    public static bool IsRunId(string? run) =>
        run is { Length: 32 } && run.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');
}
