using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Neaspec.Survey.Connectivity;
using Neaspec.Survey.Storage;

namespace Neaspec.Survey.Portal.Pages.Admin;

/// <summary>The season windows of the <c>seasons</c> table, which reports and the track_seasons view read: the default
/// ones and a species' own (its first own window copies the defaults for it; a reset deletes its own). The same code as
/// <c>neaspec seasons set|reset</c> (<see cref="SeasonCatalogue"/>).</summary>
public sealed class SeasonsModel(SurveyDatabase database) : PageModel
{
    public IReadOnlyList<Season> Seasons { get; private set; } = [];

    public string? Message { get; private set; }

    public string? Problem { get; private set; }

    public static IReadOnlyList<string> Names { get; } = [.. Season.Defaults.Select(s => s.Name)];

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostSetAsync(string? species, string? season, string? window, string? timeZone, CancellationToken cancellationToken)
    {
        await using var conn = await database.DataSource.OpenConnectionAsync(cancellationToken);
        string? scientific = null;
        if (!string.IsNullOrWhiteSpace(species) && (scientific = (await SpeciesResolver.LoadAsync(conn, cancellationToken)).Resolve(species)) is null)
        {
            Problem = $"species: '{species}' is not in the species catalogue (scientific name, synonym or common name)";
        }
        else if (Season.Find(Season.Defaults, season) is null)
        {
            Problem = $"season: choose one of {string.Join(", ", Names)}";
        }
        else
        {
            var current = Season.Find(Season.For(await SeasonCatalogue.LoadAsync(conn, cancellationToken), scientific ?? ""), season);
            var zone = string.IsNullOrWhiteSpace(timeZone) ? current?.TimeZone ?? Season.DefaultTimeZone : timeZone.Trim();
            var parsed = Season.Parse(season!.Trim().ToLowerInvariant(), window ?? "", scientific, zone, out var error);
            if (parsed is null)
            {
                Problem = (error!.Contains("time zone", StringComparison.Ordinal) ? "time zone: " : "window: ") + error;
            }
            else
            {
                var copied = await SeasonCatalogue.SetAsync(conn, parsed, cancellationToken);
                Message = $"{scientific ?? "default"} {parsed.Name}: {parsed.Start}..{parsed.End}, dates in {parsed.TimeZone}"
                    + (copied ? $" ({scientific} had no windows of its own: the default ones were copied for it first)." : ".");
            }
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostResetAsync(string? species, CancellationToken cancellationToken)
    {
        await using var conn = await database.DataSource.OpenConnectionAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(species))
        {
            var deleted = await SeasonCatalogue.ResetAsync(conn, species, cancellationToken);
            Message = $"{species}: {deleted} own window(s) deleted; the default windows apply.";
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        await using var conn = await database.DataSource.OpenConnectionAsync(cancellationToken);
        Seasons = await SeasonCatalogue.LoadAsync(conn, cancellationToken);
    }
}
