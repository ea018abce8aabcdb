using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Neaspec.Survey.Portal.Accounts;
using Neaspec.Survey.Portal.Uploads;

namespace Neaspec.Survey.Portal.Pages.Imports;

public sealed class IndexModel(UserManager<PortalUser> users, PortalDbContext portal) : PageModel
{
    public IReadOnlyList<Upload> Uploads { get; private set; } = [];

    public bool ReadsAll { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User) ?? throw new InvalidOperationException("signed-in user not found");
        ReadsAll = UploadAccess.ReadsAll(User);
        Uploads = await portal.Uploads.AsNoTracking().VisibleTo(User, user)
            .OrderByDescending(u => u.Id).Take(200).ToListAsync(cancellationToken);
    }
}
