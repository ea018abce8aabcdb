using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Neaspec.Survey.Sharing;
using Neaspec.Survey.Sharing.Counts;
using Neaspec.Survey.Sharing.Tracks;
using Neaspec.Survey.Storage;

namespace Neaspec.Survey.Portal.Pages.Reports;

/// <summary>
/// Analysts (and admins) download a Darwin Core Archive of what they may see — every count survey, or the tracks
/// as hourly occurrences — as <c>neaspec export dwca</c> / <c>export tracks --format dwc</c> write it (docs/sharing.md):
/// sensitive sites and species generalised, Sharing:* settings for licence and citation. The archive is written whole
/// into the storage folder's <c>exports/</c> first and sent from there (deleted once sent), so a failure is a message
/// on the page, never a truncated download.
/// </summary>
public sealed class ArchiveModel(SurveyDatabase database, PortalOptions portal, SharingOptions sharing, ILogger<ArchiveModel> logger) : PageModel
{
    public static IReadOnlyList<string> Kinds { get; } = ["counts", "tracks"];

    [BindProperty] public string Kind { get; set; } = "counts";
    [BindProperty] public string? Species { get; set; }
    [BindProperty] public string? From { get; set; }
    [BindProperty] public string? To { get; set; }
    [BindProperty] public string? Countries { get; set; }
    [BindProperty] public string? GeneraliseKm { get; set; }
    [BindProperty] public string? Title { get; set; }

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public SharingOptions Settings => sharing;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var from = Date(From, "from", problems);
        var to = Date(To, "to", problems);
        double? km = null;
        if (!string.IsNullOrWhiteSpace(GeneraliseKm))
        {
            if (double.TryParse(GeneraliseKm, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                km = value;
            }
            else
            {
                problems.Add($"generalise-km: '{GeneraliseKm}' is not a number of km");
            }
        }
        if (!Kinds.Contains(Kind, StringComparer.Ordinal))
        {
            problems.Add("kind: choose counts or tracks");
        }
        if (Kind == "tracks" && !string.IsNullOrWhiteSpace(Countries))
        {
            problems.Add("countries: tracks are chosen by species and dates, not by country");
        }
        if (problems.Count > 0)
        {
            return Answer(problems);
        }
        var species = List(Species);
        var title = string.IsNullOrWhiteSpace(Title) ? null : Title;
        var (selection, found) = await ExportSelection.ParseAsync(database, species, from, to, List(Countries), km, title, cancellationToken);
        if (selection is null)
        {
            return Answer(found);
        }

        var name = $"{Kind}-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..8]}.zip";
        var path = Path.Combine(portal.ExportsFolder, name);
        var result = Kind == "counts"
            ? await new CountArchive(database, sharing).WriteAsync(selection, path, cancellationToken)
            : await new TrackArchive(database, sharing).WriteAsync(new TrackSelection { Filter = selection, Hourly = true }, path, cancellationToken);
        logger.LogInformation("Darwin Core Archive of {Kind} for {User}: {Rows} core rows, {Generalised} generalised", Kind, User.Identity?.Name,
            result.CoreRows, result.Generalised);
        // Deleted when the response has sent it (or the client went away).
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None, 1 << 16, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        return File(stream, "application/zip", $"neaspec-{Kind}-dwca.zip");
    }

    private PageResult Answer(IReadOnlyList<string> problems)
    {
        // The library speaks to the command line (--species, --from); the form's fields have plain names.
        Problems = [.. problems.Select(p => p.Replace("--", "", StringComparison.Ordinal))];
        return Page();
    }

    private static DateOnly? Date(string? value, string field, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        problems.Add($"{field}: '{value}' is not a date like 2025-01-18");
        return null;
    }

    private static string[] List(string? value) =>
        string.IsNullOrWhiteSpace(value) ? [] : value.Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
