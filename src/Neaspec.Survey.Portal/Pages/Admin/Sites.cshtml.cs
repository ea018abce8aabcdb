using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Neaspec.Survey.Ingestion.Import;
using Neaspec.Survey.Portal.Accounts;
using Neaspec.Survey.Portal.Uploads;
using Neaspec.Survey.Sharing.Sensitive;
using Neaspec.Survey.Storage;
using Neaspec.Survey.Storage.Model;

namespace Neaspec.Survey.Portal.Pages.Admin;

public sealed class SitesModel(UserManager<PortalUser> users, SurveyDatabase database, UploadProcessor processor) : PageModel
{
    [BindProperty(Name = "File")]
    public IFormFile? SentFile { get; set; }

    public IReadOnlyList<Site> Sites { get; private set; } = [];

    public ImportOutcome? Result { get; private set; }

    public string? Error { get; private set; }

    public string? Message { get; private set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (SentFile is null || SentFile.Length == 0)
        {
            Error = "Choose a sites file.";
        }
        else
        {
            var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("signed-in user not found");
            await using var content = SentFile.OpenReadStream();
            Result = await processor.ProcessSitesAsync(user, content, SentFile.FileName, cancellationToken);
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>Marks or unmarks a site sensitive (shared archives generalise it).</summary>
    public async Task<IActionResult> OnPostSensitiveAsync(string? code, bool sensitive, CancellationToken cancellationToken)
    {
        var stored = string.IsNullOrWhiteSpace(code) ? null : await SensitiveFlags.SetSiteAsync(database, code, sensitive, cancellationToken);
        Message = stored is null ? $"No site '{code}'." : $"{stored}: {(sensitive ? "sensitive" : "not sensitive")}.";
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        Sites = await db.Sites.AsNoTracking().OrderBy(s => s.CountryCode).ThenBy(s => s.Code).ToListAsync(cancellationToken);
    }
}
