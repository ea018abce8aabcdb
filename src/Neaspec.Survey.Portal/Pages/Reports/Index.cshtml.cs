using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Neaspec.Survey.Connectivity;
using Neaspec.Survey.Files.Connectivity;
using Neaspec.Survey.Report;
using Neaspec.Survey.Report.Migratory;
using Neaspec.Survey.Storage;

namespace Neaspec.Survey.Portal.Pages.Reports;

/// <summary>Reports for analysts (and admins): the connectivity report, run into a folder of its own under
/// <c>reports/connectivity/&lt;random id&gt;/</c> of the storage folder, listed with downloads of its HTML and a
/// zip of all its files. Downloads resolve a run id (32 hex digits, a folder this page created) and one of two
/// fixed names; nothing the user sends becomes part of a path.</summary>
public sealed partial class IndexModel(SurveyDatabase database, PortalOptions options, ILogger<IndexModel> logger) : PageModel
{
    public const string DefaultDistances = "50,100,250,500";
    private const string RunFile = "run.json";
    private const string HtmlFile = "report.html";
    private const string ZipFile = "report.zip";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string? Message { get; private set; }

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public IReadOnlyList<ConnectivityRun> Runs { get; private set; } = [];

    /// <summary>The run just made, highlighted in the list.</summary>
    public string? NewRunId { get; private set; }

    [BindProperty] public string Species { get; set; } = "";
    [BindProperty] public string Season { get; set; } = "winter";
    [BindProperty] public int Year { get; set; } = DateTime.UtcNow.Year;
    [BindProperty] public string Distances { get; set; } = DefaultDistances;
    [BindProperty] public string Language { get; set; } = "en";
    [BindProperty] public ReportBirdForm Birds { get; set; } = new();

    public static IReadOnlyList<string> Seasons { get; } = [.. Neaspec.Survey.Connectivity.Season.Defaults.Select(s => s.Name)];

    public static IReadOnlyList<string> Languages => ReportRequest.Languages;

    private string Folder => Path.Combine(options.ReportsFolder, "connectivity");

    public void OnGet() => Runs = ListRuns();

    public async Task<IActionResult> OnPostConnectivityAsync(CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var request = ReadRequest(problems);
        if (problems.Count > 0)
        {
            return Answer(problems);
        }

        var loaded = await ConnectivityInputs.LoadAsync(database, request, cancellationToken);
        if (loaded.Inputs is null)
        {
            // The loader speaks to the command line (--species, --season); the form's fields have plain names.
            return Answer([.. loaded.Problems.Select(p => FormWords(p).Replace("--distance-km", "distances", StringComparison.Ordinal)
                .Replace("--lang", "language", StringComparison.Ordinal).Replace("--", "", StringComparison.Ordinal))]);
        }

        MigrationInputs? migration = null;
        if (request.Birds.Migratory is not null)
        {
            var mc = await MigrationInputs.LoadAsync(database, request, cancellationToken);
            if (mc.Inputs is null)
            {
                return Answer([.. mc.Problems.Select(p => p.Replace("--", "", StringComparison.Ordinal))]);
            }
            migration = mc.Inputs;
        }

        var (id, report) = await WriteRunAsync(loaded.Inputs, migration, cancellationToken);
        var inputs = loaded.Inputs;
        var summary = $"{inputs.Nodes.Count} sites, {inputs.Counts.Count} counts, links from {report.LinkSource}";
        var run = new ConnectivityRun(id, inputs.Species, inputs.Window.ToString(), Year,
            string.Join(",", request.DistancesKm.Select(d => d.ToString(CultureInfo.InvariantCulture))),
            Language, User.Identity?.Name ?? "", DateTime.UtcNow, summary);
        await System.IO.File.WriteAllTextAsync(Path.Combine(Folder, id, RunFile), JsonSerializer.Serialize(run, Json), cancellationToken);
        logger.LogInformation("Connectivity report {Id} run by {User}: {Species}, {Window}", id, run.RunBy, run.Species, run.Season);
        NewRunId = id;
        Message = $"Report ready: {inputs.Species}, {inputs.Window}: {summary}.";
        Runs = ListRuns();
        return Page();
    }

    /// <summary>The form's fields as a report request; every problem in the form's words is added to
    /// <paramref name="problems"/>.</summary>
    private ReportRequest ReadRequest(List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(Species))
        {
            problems.Add("species: give a scientific name, synonym or common name");
        }
        if (!Seasons.Contains(Season, StringComparer.Ordinal))
        {
            problems.Add($"season: choose one of {string.Join(", ", Seasons)}");
        }
        if (!Languages.Contains(Language, StringComparer.Ordinal))
        {
            problems.Add($"language: choose one of {string.Join(", ", Languages)}");
        }
        if (Year is < 1900 or > 2200)
        {
            problems.Add("year: give a year such as 2025");
        }
        if (!ConnectivityFiles.TryParseDistances(Distances ?? "", out var distances, out var distanceError))
        {
            problems.Add($"distances: {distanceError}");
        }
        var birds = Birds.Options(problems);
        return WithAnalysis(new ReportRequest
        {
            Species = (Species ?? "").Trim(), Season = Season, Year = Year, DistancesKm = distances, Language = Language,
            Birds = birds ?? new(),
        }, problems);
    }

    /// <summary>Computes the report and writes every file of the run into a new folder of its own; a run that
    /// fails leaves nothing behind, so it is never listed half-written.</summary>
    private async Task<(string Id, ConnectivityReport Report)> WriteRunAsync(ConnectivityInputs inputs, MigrationInputs? migration,
        CancellationToken cancellationToken)
    {
        var id = Guid.NewGuid().ToString("N");
        var directory = Path.Combine(Folder, id);
        Directory.CreateDirectory(directory);
        try
        {
            var report = ConnectivityReport.Compute(inputs, migration, cancellationToken: cancellationToken);
            if (report.Migratory is { } analysis)
            {
                MigratoryFiles.Write(analysis, Path.Combine(directory, "mc"));
            }
            await ReportFiles.WriteAsync(report, directory, cancellationToken);
            await HtmlReport.WriteAsync(report, directory, cancellationToken);
            WriteZip(directory);
            await ReportViews.RefreshAsync(database, report, cancellationToken);
            return (id, report);
        }
        catch
        {
            Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    /// <summary>report.html (<paramref name="file"/> = html) or the zip of all the run's files (zip).</summary>
    public IActionResult OnGetDownload(string? run, string? file)
    {
        if (!IsRunId(run) || !Directory.Exists(Path.Combine(Folder, run!)))
        {
            return NotFound();
        }
        var directory = Path.Combine(Folder, run!);
        var (name, type, downloadName) = file switch
        {
            "html" => (HtmlFile, "text/html; charset=utf-8", $"connectivity-{run![..8]}.html"),
            "zip" => (ZipFile, "application/zip", $"connectivity-{run![..8]}.zip"),
            _ => (null, null, null),
        };
        var path = name is null ? null : Path.Combine(directory, name);
        if (path is null || !System.IO.File.Exists(path))
        {
            return NotFound();
        }
        // The report is self-contained (inline CSS and SVG, no script): a download, so it opens as a file of
        // its own, not under the portal's origin.
        return PhysicalFile(path, type!, downloadName);
    }

    private PageResult Answer(IReadOnlyList<string> problems)
    {
        Problems = problems;
        Runs = ListRuns();
        return Page();
    }

    private static bool IsRunId(string? run) =>
        run is { Length: 32 } && run.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');

    /// <summary>Every file of the run (written by the report) in one zip beside them.</summary>
    private static void WriteZip(string directory)
    {
        // The MC section's files sit in mc/: every file under the run's folder, by its relative path.
        var files = Directory.GetFiles(directory, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var zipPath = Path.Combine(directory, ZipFile);
        using var zip = System.IO.Compression.ZipFile.Open(zipPath, ZipArchiveMode.Create);
        foreach (var file in files)
        {
            zip.CreateEntryFromFile(file, Path.GetRelativePath(directory, file).Replace('\\', '/'), CompressionLevel.Optimal);
        }
    }

    /// <summary>The runs kept, newest first.</summary>
    private List<ConnectivityRun> ListRuns()
    {
        if (!Directory.Exists(Folder))
        {
            return [];
        }
        var runs = new List<ConnectivityRun>();
        foreach (var directory in Directory.EnumerateDirectories(Folder))
        {
            var path = Path.Combine(directory, RunFile);
            if (!IsRunId(Path.GetFileName(directory)) || !System.IO.File.Exists(path))
            {
                continue;
            }
            try
            {
                if (JsonSerializer.Deserialize<ConnectivityRun>(System.IO.File.ReadAllText(path), Json) is { } run
                    && run.Id == Path.GetFileName(directory))
                {
                    runs.Add(run);
                }
            }
            catch (JsonException)
            {
                // A damaged run.json: the run is not listed.
            }
        }
        return [.. runs.OrderByDescending(r => r.CreatedAt)];
    }
}
