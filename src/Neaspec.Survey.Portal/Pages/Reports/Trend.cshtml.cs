using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Neaspec.Survey.Report;
using Neaspec.Survey.Report.Trends;
using Neaspec.Survey.Storage;
using Neaspec.Survey.Trends;

namespace Neaspec.Survey.Portal.Pages.Reports;

/// <summary>The population trend report for analysts (and admins): the form of <c>neaspec report trend</c>, each run
/// kept in <c>reports/trend/&lt;random id&gt;/</c> of the storage folder and listed with downloads of its HTML and a
/// zip of all its files (docs/trends.md).</summary>
public sealed class TrendPageModel(SurveyDatabase database, PortalOptions options, TimeProvider time, ILogger<TrendPageModel> logger) : PageModel
{
    private readonly ReportRunFolder<TrendRun> runs = new(Path.Combine(options.ReportsFolder, "trend"), r => r.Id, r => r.CreatedAt);

    public string? Message { get; private set; }

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public IReadOnlyList<TrendRun> Runs { get; private set; } = [];

    /// <summary>The run just made, highlighted in the list.</summary>
    public string? NewRunId { get; private set; }

    [BindProperty] public string Species { get; set; } = "";
    [BindProperty] public string Window { get; set; } = "winter";
    [BindProperty] public string Years { get; set; } = "";
    [BindProperty] public string? Countries { get; set; }
    [BindProperty] public int TrimModel { get; set; } = 3;
    [BindProperty] public string? Changepoints { get; set; }
    [BindProperty] public bool Overdispersion { get; set; } = true;
    [BindProperty] public bool SerialCorrelation { get; set; } = true;
    [BindProperty] public string Covariate { get; set; } = "auto";
    [BindProperty] public string? Population { get; set; }
    [BindProperty] public string Language { get; set; } = "en";

    public static IReadOnlyList<(string Value, string Text)> Covariates { get; } =
        [("auto", "by country when the sites lie in two or more"), ("country", "by country"), ("none", "one trend over all sites")];

    public static IReadOnlyList<string> Languages => ReportRequest.Languages;

    public void OnGet()
    {
        var year = time.GetUtcNow().Year;
        Years = string.Create(CultureInfo.InvariantCulture, $"{year - 24}-{year}");
        Runs = runs.List();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var request = ReadForm(problems);
        if (request is null)
        {
            return Answer(problems);
        }
        var loaded = await TrendInputs.LoadAsync(database, request, cancellationToken);
        var outcome = loaded.Inputs is null ? null : TrendReport.Compute(loaded.Inputs, time);
        if (outcome?.Report is not { } report)
        {
            return Answer(outcome?.Problems ?? loaded.Problems);
        }

        var (id, directory) = runs.Create();
        try
        {
            TrendReportFiles.Write(report, directory);
            await TrendHtmlReport.WriteAsync(report, directory, cancellationToken);
            var summary = Summary(report);
            var run = new TrendRun(id, report.Inputs.Species, report.Inputs.WindowText, $"{request.FirstYear}-{request.LastYear}",
                ModelText.Of(request.Trend), Language, User.Identity?.Name ?? "", time.GetUtcNow().UtcDateTime, summary);
            await runs.FinishAsync(directory, run, cancellationToken);
            logger.LogInformation("Trend report {Id} run by {User}: {Species}, {Window} {Years}", id, run.RunBy, run.Species, run.Window, run.Years);
            Message = $"Report ready: {run.Species}, {run.Window}, {run.Years}: {summary}.";
        }
        catch
        {
            // A half-written run is not listed: nothing of it stays behind.
            Directory.Delete(directory, recursive: true);
            throw;
        }
        NewRunId = id;
        Runs = runs.List();
        return Page();
    }

    /// <summary>report.html (<paramref name="file"/> = html) or the zip of all the run's files (zip).</summary>
    public IActionResult OnGetDownload(string? run, string? file)
    {
        var (name, type) = file switch
        {
            "html" => ("report.html", "text/html; charset=utf-8"),
            "zip" => (ReportRunFolder<TrendRun>.ZipFile, "application/zip"),
            _ => (null, null),
        };
        var path = name is null ? null : runs.PathOf(run, name);
        if (path is null)
        {
            return NotFound();
        }
        // Self-contained (inline CSS and SVG, no script): a download, so it opens as a file of its own.
        return PhysicalFile(path, type!, $"trend-{run![..8]}{Path.GetExtension(name)}");
    }

    private TrendRequest? ReadForm(List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(Species))
        {
            problems.Add("species: give a scientific name, synonym or common name");
        }
        if (string.IsNullOrWhiteSpace(Window))
        {
            problems.Add("window: give MM-DD..MM-DD (e.g. 12-01..02-28) or a season name (winter)");
        }
        if (!TrendRequest.TryParseYears(Years, out var first, out var last, out var yearsError))
        {
            problems.Add($"years: {yearsError}");
        }
        if (TrimModel is < 1 or > 3)
        {
            problems.Add("model: choose 1, 2 or 3");
        }
        var changepoints = new List<int>();
        foreach (var part in (Changepoints ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            {
                changepoints.Add(year);
            }
            else
            {
                problems.Add($"changepoints: '{part}' is not a year (give years such as 2010,2015)");
            }
        }
        if (!Languages.Contains(Language, StringComparer.Ordinal))
        {
            problems.Add($"language: choose one of {string.Join(", ", Languages)}");
        }
        if (!Covariates.Any(c => c.Value == Covariate))
        {
            problems.Add("strata: choose auto, country or none");
        }
        return problems.Count > 0 ? null : new TrendRequest
        {
            Species = Species.Trim(),
            Window = Window.Trim(),
            FirstYear = first,
            LastYear = last,
            Countries = (Countries ?? "").Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            Trend = new TrendOptions
            {
                Model = (TrendModel)TrimModel, Changepoints = changepoints, Overdispersion = Overdispersion, SerialCorrelation = SerialCorrelation,
            },
            ByCountry = Covariate switch { "country" => true, "none" => false, _ => null },
            Population = string.IsNullOrWhiteSpace(Population) ? null : Population,
            Language = Language,
        };
    }

    private static string Summary(TrendReport report)
    {
        var r = report.Result;
        var slope = r.ImputedSlope is { } s
            ? string.Create(CultureInfo.InvariantCulture, $", {s.Multiplicative:F3} a year ({s.Class.ToText()})")
            : "";
        return $"{r.Sites.Count} sites, {r.ObservedCounts} counted and {r.MissingCounts} imputed site-years{slope}";
    }

    private PageResult Answer(IReadOnlyList<string> problems)
    {
        // The loader speaks to the command line (--species, --window); the form's fields have plain names.
        Problems = [.. problems.Select(p => p.Replace("--covariate", "strata", StringComparison.Ordinal).Replace("--lang", "language", StringComparison.Ordinal)
            .Replace("--country", "countries", StringComparison.Ordinal).Replace("--", "", StringComparison.Ordinal))];
        Runs = runs.List();
        return Page();
    }
}
