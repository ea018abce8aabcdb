using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Neaspec.Survey.Ingestion.Import;
using Neaspec.Survey.Portal.Accounts;

namespace Neaspec.Survey.Portal.Pages.Admin;

/// <summary>
/// An admin page that lists a table and takes a file for it (the Sites and Species pages): the posted file goes to
/// the page's importer through <see cref="Uploads.UploadProcessor"/> as the signed-in user, and the page shows the
/// outcome above the reloaded list. The pages differ only in what they list and which importer runs.
/// </summary>
public abstract class AdminImportModel(UserManager<PortalUser> users) : PageModel
{
    [BindProperty(Name = "File")]
    public IFormFile? SentFile { get; set; }

    /// <summary>The last import's outcome, shown once after a post.</summary>
    public ImportOutcome? Result { get; private set; }

    /// <summary>What was wrong with the post itself (no file chosen).</summary>
    public string? Error { get; private set; }

    /// <summary>The answer to the page's other actions (marking a row sensitive).</summary>
    public string? Message { get; protected set; }

    /// <summary>The file the page takes, for the message when none was sent ("sites file").</summary>
    protected abstract string FileDescription { get; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    /// <summary>Imports the posted file: kept and recorded like any upload, all or nothing.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (SentFile is null || SentFile.Length == 0)
        {
            Error = $"Choose a {FileDescription}.";
        }
        else
        {
            var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("signed-in user not found");
            await using var content = SentFile.OpenReadStream();
            Result = await ImportAsync(user, content, SentFile.FileName, cancellationToken);
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>Runs the page's importer on the posted file.</summary>
    protected abstract Task<ImportOutcome> ImportAsync(PortalUser user, Stream content, string fileName, CancellationToken cancellationToken);

    /// <summary>Loads what the page lists.</summary>
    protected abstract Task LoadAsync(CancellationToken cancellationToken);
}
