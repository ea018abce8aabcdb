using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Neaspec.Survey.Portal.Accounts;
using Neaspec.Survey.Portal.Uploads;

namespace Neaspec.Survey.Portal.Pages;

public sealed class UploadModel(UserManager<PortalUser> users, UploadProcessor processor, PortalOptions options) : PageModel
{
    [BindProperty(Name = "File")]
    public IFormFile? SentFile { get; set; }

    [BindProperty]
    public bool AcceptPartial { get; set; }

    public string? Error { get; private set; }

    public long MaxUploadBytes => options.MaxUploadBytes;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (SentFile is null || SentFile.Length == 0)
        {
            Error = SentFile is null ? "Choose a file to upload." : $"{UploadStore.SafeName(SentFile.FileName)} is empty.";
            return Page();
        }
        if (SentFile.Length > options.MaxUploadBytes)
        {
            Error = $"The file is larger than the upload limit of {UploadLimit.Format(options.MaxUploadBytes)}.";
            return Page();
        }
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("signed-in user not found");
        await using var content = SentFile.OpenReadStream();
        var upload = await processor.ProcessAsync(user, content, SentFile.FileName, AcceptPartial, cancellationToken);
        return RedirectToPage("/Imports/Details", new { id = upload.Id });
    }
}
