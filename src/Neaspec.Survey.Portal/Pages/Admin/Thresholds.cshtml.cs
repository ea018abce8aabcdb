using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Neaspec.Survey.Report.Thresholds;
using Neaspec.Survey.Storage;
using Neaspec.Survey.Storage.Model;

namespace Neaspec.Survey.Portal.Pages.Admin;

/// <summary>The flyway population estimates and their 1 % thresholds that the trend report flags sites with: admins
/// add a population, replace its figure (with its source and year) or delete it, as <c>neaspec thresholds</c> does.</summary>
public sealed class ThresholdsModel(SurveyDatabase database) : PageModel
{
    public IReadOnlyList<PopulationEstimate> Estimates { get; private set; } = [];

    public string? Message { get; private set; }

    public IReadOnlyList<string> Problems { get; private set; } = [];

    [BindProperty] public string Species { get; set; } = "";
    [BindProperty] public string PopulationName { get; set; } = "";
    [BindProperty] public int? Estimate { get; set; }
    [BindProperty] public int? Threshold { get; set; }
    [BindProperty] public string Source { get; set; } = "";
    [BindProperty] public int? Year { get; set; }
    [BindProperty] public string? Note { get; set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostSetAsync(CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        if (Estimate is null)
        {
            problems.Add("estimate: give the population size in individuals");
        }
        if (Year is null)
        {
            problems.Add("year: give the year of the estimate");
        }
        var row = problems.Count > 0 ? null : await PopulationEstimateEditor.SetAsync(database,
            new PopulationEstimateEdit(Species ?? "", PopulationName ?? "", Estimate!.Value, Threshold, Source ?? "", Year!.Value, Note),
            User.Identity?.Name, problems, cancellationToken);
        if (row is null)
        {
            Problems = [.. problems.Select(p => p.Replace("--", "", StringComparison.Ordinal))];
        }
        else
        {
            Message = $"{row.Species}, {row.Population}: {row.Estimate:#,0} birds ({row.Year}), 1 % threshold {row.OnePercentThreshold:#,0}.";
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDeleteAsync(string? species, string? population, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var deleted = await PopulationEstimateEditor.DeleteAsync(database, species ?? "", population ?? "", problems, cancellationToken);
        Message = deleted == true ? $"{species}, {population}: deleted (a seeded figure comes back at the next migration)." : null;
        Problems = deleted == false ? [$"no population '{population}' of {species}"] : [.. problems.Select(p => p.Replace("--", "", StringComparison.Ordinal))];
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        await using var conn = await database.DataSource.OpenConnectionAsync(cancellationToken);
        Estimates = await PopulationEstimateCatalogue.ListAsync(conn, cancellationToken: cancellationToken);
    }
}
