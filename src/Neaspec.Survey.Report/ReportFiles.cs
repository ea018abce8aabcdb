using System.Text;

namespace Neaspec.Survey.Report;

/// <summary>
/// The report's data files, one row (or feature) per site and run, so R and QGIS filter by distance_km:
/// nodes.csv, country_pairs.csv and summary.csv (<see cref="ReportCsv"/>, through the project's one CSV
/// writer), sites.geojson, links.geojson (<see cref="ReportGeoJson"/>), inputs.json (<see cref="ReportInputsJson"/>)
/// and, with a sensitivity run, sensitivity.csv and sensitivity_settings.csv (<see cref="SensitivityCsv"/>). Numbers are written in round-trip
/// precision; dPC and its fractions are percentages, shares are fractions (Conefor's convention).
/// </summary>
public static class ReportFiles
{
    private static readonly UTF8Encoding Utf8 = new(false);

    /// <summary>Writes the files into <paramref name="directory"/> (created when missing).</summary>
    public static async Task WriteAsync(ConnectivityReport report, string directory, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        Directory.CreateDirectory(directory);
        await ReportCsv.WriteNodesAsync(report, Path.Combine(directory, "nodes.csv"), cancellationToken);
        await ReportCsv.WriteCountryPairsAsync(report, Path.Combine(directory, "country_pairs.csv"), cancellationToken);
        await ReportCsv.WriteSummaryAsync(report, Path.Combine(directory, "summary.csv"), cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(directory, "sites.geojson"), ReportGeoJson.Json(ReportGeoJson.Sites(report)), Utf8, cancellationToken);
        await File.WriteAllTextAsync(Path.Combine(directory, "links.geojson"), ReportGeoJson.Json(ReportGeoJson.Links(report)), Utf8, cancellationToken);
        // Issue 12: what the run used and why (links, thresholds, window), and the sensitivity tables when asked.
        await ReportInputsJson.WriteAsync(report, Path.Combine(directory, "inputs.json"), cancellationToken);
        await SensitivityCsv.WriteAsync(report, directory, cancellationToken);
    }
}
