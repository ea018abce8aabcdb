using System.Globalization;
using System.Text.Json.Nodes;
using Neaspec.Survey.Files;
using Neaspec.Survey.Files.Trends;
using Neaspec.Survey.Trends.Thresholds;

namespace Neaspec.Survey.Report.Trends;

/// <summary>
/// The data files of a trend from the database: file mode's <c>years.csv</c>, <c>summary.json</c> (with the request,
/// the provisional sites and the thresholds added) and <c>strata.csv</c> (<see cref="TrendFiles.Write"/>), plus
/// <c>sites.csv</c> (every site with its flags, one row per site and population) and <c>site_years.csv</c> (every
/// site-year: the count, the fitted value, whether it was imputed; a valid counts file for file mode). CSV through
/// <see cref="CsvOutput"/>.
/// </summary>
public static class TrendReportFiles
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The columns of sites.csv.</summary>
    public static IReadOnlyList<string> SiteColumns { get; } =
    [
        "site_code", "site_name", "country", "provisional", "in_trend", "seasons_counted", "seasons_missing", "mean_peak", "max_peak",
        "population", "estimate", "one_percent_threshold", "seasons_1pct", "regularly_1pct", "quarter_percent_threshold",
        "seasons_025pct", "regularly_025pct",
    ];

    /// <summary>The columns of site_years.csv.</summary>
    public static IReadOnlyList<string> SiteYearColumns { get; } = ["site", "year", "count", "country", "provisional", "fitted", "imputed"];

    /// <summary>Writes the files into <paramref name="directory"/> (created when missing) and returns their paths.</summary>
    public static IReadOnlyList<string> Write(TrendReport report, string directory)
    {
        ArgumentNullException.ThrowIfNull(report);
        var written = TrendFiles.Write(report.Result, directory, "database", summary => AddToSummary(report, summary)).ToList();
        written.Add(Path.Combine(directory, "sites.csv"));
        WriteSites(report, written[^1]);
        written.Add(Path.Combine(directory, "site_years.csv"));
        WriteSiteYears(report, written[^1]);
        return written;
    }

    /// <summary>"yes", "no" or "too few seasons" (fewer than three with data); empty when it does not apply.</summary>
    public static string Text(Regularity? regularity) => regularity switch
    {
        Regularity.Regularly => "yes",
        Regularity.NotRegularly => "no",
        Regularity.TooFewSeasons => "too few seasons",
        _ => "",
    };

    private static void WriteSites(TrendReport report, string path)
    {
        var inputs = report.Inputs;
        var kept = report.Result.Sites.ToHashSet(StringComparer.Ordinal);
        var values = inputs.Values.ToLookup(v => v.Site, StringComparer.Ordinal);
        var flags = report.Flags.Select(b => (b, b.Sites.ToDictionary(s => s.Site, StringComparer.Ordinal))).ToList();
        using var writer = CsvOutput.ToFile(path);
        writer.WriteHeader([.. SiteColumns]);
        foreach (var code in inputs.Sites.Keys.Order(StringComparer.Ordinal))
        {
            var site = inputs.Sites[code];
            var counted = values[code].Where(v => v.Count is not null).Select(v => v.Count!.Value).ToList();
            string[] fields =
            [
                code, site.Name(inputs.Request.Language), site.Country, site.IsProvisional ? "true" : "false",
                kept.Contains(code) ? "true" : "false",
                counted.Count.ToString(Invariant), (inputs.Request.LastYear - inputs.Request.FirstYear + 1 - counted.Count).ToString(Invariant),
                counted.Count > 0 ? TrendFiles.Number(counted.Average()) : "", counted.Count > 0 ? counted.Max().ToString(Invariant) : "",
            ];
            if (report.Flags.Count == 0)
            {
                writer.WriteRecord([.. fields, "", "", "", "", "", "", "", ""]);
                continue;
            }
            foreach (var (block, bySite) in flags)
            {
                var t = block.Threshold;
                var f = bySite[code];
                writer.WriteRecord(
                [
                    .. fields, t.Population, t.Estimate.ToString(Invariant), t.OnePercent.ToString(Invariant),
                    f.OnePercentSeasons.ToString(Invariant), Text(f.OnePercent),
                    inputs.Staging ? TrendFiles.Number(t.QuarterPercent) : "", inputs.Staging ? f.QuarterPercentSeasons.ToString(Invariant) : "",
                    Text(f.QuarterPercent),
                ]);
            }
        }
    }

    private static void WriteSiteYears(TrendReport report, string path)
    {
        var inputs = report.Inputs;
        var series = report.Result.SiteSeries.ToDictionary(s => s.Site, StringComparer.Ordinal);
        var values = inputs.Values.ToDictionary(v => (v.Site, v.Year));
        using var writer = CsvOutput.ToFile(path);
        writer.WriteHeader([.. SiteYearColumns]);
        foreach (var code in inputs.Sites.Keys.Order(StringComparer.Ordinal))
        {
            var site = inputs.Sites[code];
            for (var year = inputs.Request.FirstYear; year <= inputs.Request.LastYear; year++)
            {
                var count = values.TryGetValue((code, year), out var v) ? v.Count : null;
                var fitted = series.TryGetValue(code, out var s) ? TrendFiles.Number(s.Fitted[year - inputs.Request.FirstYear]) : "";
                writer.WriteRecord(
                [
                    code, year.ToString(Invariant), count?.ToString(Invariant) ?? "", site.Country, site.IsProvisional ? "true" : "false",
                    fitted, count is null && fitted.Length > 0 ? "true" : "false",
                ]);
            }
        }
    }

    private static void AddToSummary(TrendReport report, JsonObject summary)
    {
        var inputs = report.Inputs;
        var request = inputs.Request;
        summary["species"] = inputs.Species;
        summary["speciesAsked"] = request.Species;
        summary["window"] = inputs.WindowText;
        summary["countries"] = new JsonArray([.. request.Countries.Select(c => (JsonNode)c.Trim().ToUpperInvariant())]);
        summary["provisionalSites"] = new JsonArray([.. inputs.Sites.Values.Where(s => s.IsProvisional).Select(s => s.Code)
            .Order(StringComparer.Ordinal).Select(c => (JsonNode)c)]);
        summary["staging"] = inputs.Staging;
        summary["thresholds"] = new JsonArray([.. report.Flags.Select(block => (JsonNode)new JsonObject
        {
            ["population"] = block.Threshold.Population,
            ["estimate"] = block.Threshold.Estimate,
            ["onePercentThreshold"] = block.Threshold.OnePercent,
            ["quarterPercentThreshold"] = inputs.Staging ? TrendFiles.Json(block.Threshold.QuarterPercent) : null,
            ["source"] = block.Threshold.Source,
            ["year"] = block.Threshold.Year,
            ["sitesRegularlyOnePercent"] = Codes(block.Sites.Where(s => s.OnePercent == Regularity.Regularly)),
            ["sitesRegularlyQuarterPercent"] = Codes(block.Sites.Where(s => s.QuarterPercent == Regularity.Regularly)),
        })]);
    }

    private static JsonArray Codes(IEnumerable<SiteThresholdFlags> sites) => new([.. sites.Select(s => (JsonNode)s.Site)]);
}
