using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Neaspec.Survey.Portal.Accounts;
using Neaspec.Survey.Portal.Uploads;
using Neaspec.Survey.Storage;
using Neaspec.Survey.Storage.Model;

namespace Neaspec.Survey.Portal.Pages.Imports;

public sealed class DetailsModel(UserManager<PortalUser> users, PortalDbContext portal, SurveyDatabase database,
    UploadStore store, PortalOptions options) : PageModel
{
    public Upload Upload { get; private set; } = null!;

    public IReadOnlyList<ImportError> Errors { get; private set; } = [];

    public long ErrorCount { get; private set; }

    /// <summary>For Movebank uploads that were loaded: the ledger's duplicate and flagged fix counts.</summary>
    public (long Duplicates, long Flagged)? TrackCounts { get; private set; }

    public bool HasReport => store.Resolve(Upload.ErrorReportPath) is { } path && System.IO.File.Exists(path);

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } upload)
        {
            return NotFound();
        }
        Upload = upload;
        if (upload.Kind == UploadKinds.Movebank && upload.ImportId is { } trackImport
            && upload.Status is ImportStatus.Succeeded or ImportStatus.Partial)
        {
            await using var db = database.CreateContext();
            var counts = await db.Imports.AsNoTracking().Where(i => i.Id == trackImport)
                .Select(i => new { i.Duplicates, i.Flagged }).FirstOrDefaultAsync(cancellationToken);
            TrackCounts = counts is null ? null : (counts.Duplicates, counts.Flagged);
        }
        // Row errors live in the ledger; an "unchanged" upload points at an earlier import whose errors are not its own.
        if (upload.ImportId is { } importId && upload.Status is ImportStatus.Rejected or ImportStatus.Partial)
        {
            await using var db = database.CreateContext();
            var errors = db.ImportErrors.AsNoTracking().Where(e => e.ImportId == importId);
            ErrorCount = await errors.LongCountAsync(cancellationToken);
            Errors = await errors.OrderBy(e => e.Line).ThenBy(e => e.Id).Take(options.MaxErrorsShown).ToListAsync(cancellationToken);
        }
        return Page();
    }

    /// <summary>The error report as the importer wrote it (values a spreadsheet would run as formulas escaped).</summary>
    public async Task<IActionResult> OnGetReportAsync(long id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } upload || store.Resolve(upload.ErrorReportPath) is not { } path
            || !System.IO.File.Exists(path))
        {
            return NotFound();
        }
        return PhysicalFile(path, "text/csv; charset=utf-8", upload.OriginalName + ".errors.csv");
    }

    private async Task<Upload?> FindAsync(long id, CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("signed-in user not found");
        // Someone else's upload answers 404, as if it did not exist: its number tells nothing.
        return await portal.Uploads.AsNoTracking().VisibleTo(User, user).FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
    }
}
