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

/// <summary>The sites with their codes and countries; an admin imports a sites file (CSV or GeoJSON) and marks sites
/// sensitive (shared archives generalise them).</summary>
public sealed class SitesModel(UserManager<PortalUser> users, SurveyDatabase database, UploadProcessor processor) : AdminImportModel(users)
{
    public IReadOnlyList<Site> Sites { get; private set; } = [];

    protected override string FileDescription => "sites file";

    protected override Task<ImportOutcome> ImportAsync(PortalUser user, Stream content, string fileName, CancellationToken cancellationToken) =>
        processor.ProcessSitesAsync(user, content, fileName, cancellationToken);

    /// <summary>Marks or unmarks a site sensitive (shared archives generalise it).</summary>
    public async Task<IActionResult> OnPostSensitiveAsync(string? code, bool sensitive, CancellationToken cancellationToken)
    {
        var stored = string.IsNullOrWhiteSpace(code) ? null : await SensitiveFlags.SetSiteAsync(database, code, sensitive, cancellationToken);
        Message = stored is null ? $"No site '{code}'." : $"{stored}: {(sensitive ? "sensitive" : "not sensitive")}.";
        await LoadAsync(cancellationToken);
        return Page();
    }

    protected override async Task LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = database.CreateContext();
        Sites = await db.Sites.AsNoTracking().OrderBy(s => s.CountryCode).ThenBy(s => s.Code).ToListAsync(cancellationToken);
    }
}
