using System.Reflection;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Neaspec.Survey.Report.Html;

namespace Neaspec.Survey.Report;

/// <summary>
/// report.html: one self-contained page (inline CSS and SVG, no script, no web requests) with the map, the
/// ranking, the dPC fractions, the country-pair matrix, connectivity against distance and the inputs. The
/// markup is in Razor components (Html/*.razor, starting at <see cref="ReportPage"/>), rendered to a string
/// with <see cref="HtmlRenderer"/>; the style sheet is Html/report.css. Every number shown in a table also
/// sits in its cell's data-value attribute in round-trip precision, so tests and scripts read the exact value.
/// </summary>
public static class HtmlReport
{
    /// <summary>Encodes only what HTML needs (&lt;, &gt;, &amp;, quotes): names in Hangul, Hanzi, kana or
    /// Cyrillic stay readable in the file instead of turning into character references.</summary>
    private static readonly IServiceProvider Services = new ServiceCollection()
        .AddSingleton(HtmlEncoder.Create(UnicodeRanges.All))
        .BuildServiceProvider();

    /// <summary>"neaspec VERSION" in the page's inputs: the assembly's informational version.</summary>
    internal static string Version { get; } =
        typeof(HtmlReport).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "dev";

    /// <summary>Writes DIR/report.html.</summary>
    public static async Task WriteAsync(ConnectivityReport report, string directory, CancellationToken cancellationToken = default)
    {
        var html = await RenderAsync(report);
        Directory.CreateDirectory(directory);
        await File.WriteAllTextAsync(Path.Combine(directory, "report.html"), html, new UTF8Encoding(false), cancellationToken);
    }

    /// <summary>The page as text.</summary>
    public static Task<string> RenderAsync(ConnectivityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return RenderAsync<ReportPage>(nameof(ReportPage.Report), report);
    }

    /// <summary>A page component rendered to text with its one parameter (every report page takes its report).</summary>
    internal static async Task<string> RenderAsync<TPage>(string parameter, object value) where TPage : IComponent
    {
        await using var renderer = new HtmlRenderer(Services, NullLoggerFactory.Instance);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?> { [parameter] = value });
            var page = await renderer.RenderComponentAsync<TPage>(parameters);
            return page.ToHtmlString();
        });
    }

    /// <summary>The run whose tab is open when the page loads: the telemetry run (what the birds did) when there is
    /// one, else the largest d0 (the most connected view).</summary>
    public static ReportRun OpenRun(ConnectivityReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return report.Runs.OrderByDescending(r => r.DistanceKm ?? double.PositiveInfinity).First();
    }
}
