using System.Text;
using Neaspec.Survey.Report.Html.Trends;

namespace Neaspec.Survey.Report.Trends;

/// <summary>
/// report.html of a population trend: one self-contained page (inline CSS and SVG, no script, no web request) with
/// the index and its band, the site-by-year heat map of counted and imputed values, the slope and its class, the
/// per-country curves, the 1 % table and the inputs. The markup is in Razor components (Html/Trends/*.razor, starting
/// at <see cref="TrendPage"/>) rendered as the connectivity report is (<see cref="HtmlReport"/>).
/// </summary>
public static class TrendHtmlReport
{
    /// <summary>Writes DIR/report.html and returns its path.</summary>
    public static async Task<string> WriteAsync(TrendReport report, string directory, CancellationToken cancellationToken = default)
    {
        var html = await RenderAsync(report);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "report.html");
        await File.WriteAllTextAsync(path, html, new UTF8Encoding(false), cancellationToken);
        return path;
    }

    /// <summary>The page as text.</summary>
    public static Task<string> RenderAsync(TrendReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return HtmlReport.RenderAsync<TrendPage>(nameof(TrendPage.Report), report);
    }
}
