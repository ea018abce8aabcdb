namespace Neaspec.Survey.Report.Html;

/// <summary>report.css (and the trend report's trend.css), embedded in the assembly: the page inlines its style sheet so it needs no web
/// request. A designer edits the .css file; the build embeds it.</summary>
internal static class ReportStyle
{
    private static readonly Lazy<string> Text = new(() => Load("report.css"));
    private static readonly Lazy<string> Trend = new(() => Load("trend.css"));

    /// <summary>The style sheet.</summary>
    public static string Css => Text.Value;

    /// <summary>The trend report's rules, added after <see cref="Css"/> (Html/Trends/trend.css).</summary>
    public static string TrendCss => Trend.Value;

    /// <summary>The rule that shows a run's panel while its tab (a radio button) is checked: tabs without script.</summary>
    public static string TabRule(ReportRun run) => $"#tab-{run.Key}:checked ~ .panels #panel-{run.Key} {{ display:block; }}\n";

    private static string Load(string name)
    {
        using var stream = typeof(ReportStyle).Assembly.GetManifestResourceStream("Neaspec.Survey.Report." + name)
            ?? throw new InvalidOperationException(name + " is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
