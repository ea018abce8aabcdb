using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using Neaspec.Survey.Portal.Accounts;
using Neaspec.Survey.Portal.Uploads;

namespace Neaspec.Survey.Portal.Pages;

/// <summary>The upload form. The body is read section by section: the antiforgery token (the form's first
/// field) is checked before a byte of the file is read, and the file goes straight from the request to the
/// storage folder, hashed on the way and stopped at the size limit — never buffered whole.</summary>
[IgnoreAntiforgeryToken(Order = 1001)] // validated by hand in OnPostAsync, from the first section
[NoFormBinding]
public sealed class UploadModel(UserManager<PortalUser> users, UploadProcessor processor, PortalOptions options,
    IAntiforgery antiforgery) : PageModel
{
    private const int MaxFieldLength = 4096;

    public string? Error { get; private set; }

    public long MaxUploadBytes => options.MaxUploadBytes;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        if (!MediaTypeHeaderValue.TryParse(Request.ContentType, out var type) || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
        {
            return BadRequest("expected a multipart/form-data upload form");
        }
        var reader = new MultipartReader(boundary, Request.Body);
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var section = await reader.ReadNextSectionAsync(cancellationToken); section is not null;
             section = await reader.ReadNextSectionAsync(cancellationToken))
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.IsFormDisposition() && !disposition.IsFileDisposition())
            {
                continue;
            }
            var name = HeaderUtilities.RemoveQuotes(disposition.Name).Value ?? "";
            if (disposition.IsFileDisposition() && name == "File")
            {
                // The fields before the file must hold a valid token; the file is not read otherwise.
                if (!await TokenIsValidAsync(fields))
                {
                    return BadRequest("the form's antiforgery token is missing or invalid: reload the upload page and try again");
                }
                var fileName = HeaderUtilities.RemoveQuotes(disposition.FileNameStar.HasValue ? disposition.FileNameStar : disposition.FileName).Value;
                return await ReceiveAsync(section.Body, fileName, fields.GetValueOrDefault("AcceptPartial") == "true", cancellationToken);
            }
            if (disposition.IsFormDisposition())
            {
                fields[name] = await ReadFieldAsync(section.Body, cancellationToken);
            }
        }
        if (!await TokenIsValidAsync(fields))
        {
            return BadRequest("the form's antiforgery token is missing or invalid: reload the upload page and try again");
        }
        Error = "Choose a file to upload.";
        return Page();
    }

    private async Task<IActionResult> ReceiveAsync(Stream body, string? fileName, bool acceptPartial, CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("signed-in user not found");
        try
        {
            var upload = await processor.ProcessAsync(user, new LimitedStream(body, options.MaxUploadBytes), fileName, acceptPartial, cancellationToken);
            return RedirectToPage("/Imports/Details", new { id = upload.Id });
        }
        catch (UploadTooLargeException ex)
        {
            Error = $"{UploadStore.SafeName(fileName)}: {ex.Message}. Nothing was stored. Split the file, or ask an admin to raise Portal:MaxUploadBytes.";
            return Page();
        }
        catch (EmptyUploadException)
        {
            Error = $"{UploadStore.SafeName(fileName)} is empty.";
            return Page();
        }
    }

    /// <summary>Hands the form's token to the antiforgery check as the header it reads before the form, so
    /// the check does not read (and buffer) the rest of the body.</summary>
    private async Task<bool> TokenIsValidAsync(Dictionary<string, string> fields)
    {
        var options = HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<AntiforgeryOptions>>().Value;
        if (!fields.TryGetValue(options.FormFieldName, out var token) || options.HeaderName is null)
        {
            return false;
        }
        Request.Headers[options.HeaderName] = token;
        return await antiforgery.IsRequestValidAsync(HttpContext);
    }

    private static async Task<string> ReadFieldAsync(Stream body, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(body, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, MaxFieldLength, leaveOpen: true);
        var buffer = new char[MaxFieldLength];
        var read = await reader.ReadBlockAsync(buffer.AsMemory(), cancellationToken);
        return new string(buffer, 0, read);
    }
}
