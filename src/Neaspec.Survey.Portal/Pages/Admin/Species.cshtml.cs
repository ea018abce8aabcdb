using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Neaspec.Survey.Sharing.Sensitive;
using Neaspec.Survey.Storage;
using Neaspec.Survey.Storage.Model;

namespace Neaspec.Survey.Portal.Pages.Admin;

/// <summary>The species catalogue, and which species are sensitive: shared archives generalise every site where a
/// sensitive species was counted, and every fix of it (docs/sharing.md).</summary>
public sealed class SpeciesModel(SurveyDatabase database) : PageModel
{
    public IReadOnlyList<Species> Species { get; private set; } = [];

    public string? Message { get; private set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostSensitiveAsync(string? name, bool sensitive, CancellationToken cancellationToken)
    {
        var scientific = string.IsNullOrWhiteSpace(name) ? null : await SensitiveFlags.SetSpeciesAsync(database, name, sensitive, cancellationToken);
        Message = scientific is null ? $"No species '{name}' in the catalogue." : $"{scientific}: {(sensitive ? "sensitive" : "not sensitive")}.";
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        Species = await db.Species.AsNoTracking().OrderBy(s => s.ScientificName).ToListAsync(cancellationToken);
    }
}
