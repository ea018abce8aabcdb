using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Neaspec.Survey.Portal.Pages.Reports;

/// <summary>Reports for analysts (and admins).</summary>
public sealed class IndexModel : PageModel
{
    public string? Message { get; private set; }

    public void OnGet()
    {
    }

    /// <summary>WIRE THE CONNECTIVITY REPORT HERE: run the report into a folder under
    /// <c>PortalOptions.ReportsFolder</c> (e.g. <c>reports/connectivity/&lt;timestamp&gt;/</c>), then return
    /// <c>PhysicalFile(...)</c> of its HTML or a zip of HTML + GeoJSON + CSV, or list the folder's files on this
    /// page with a download handler that resolves names through <c>UploadStore.Resolve</c>.</summary>
    public void OnPostConnectivity()
    {
        Message = "The connectivity report is not available yet: it is being built. Its run and download will appear here.";
    }
}
