using Neaspec.Survey.Files;

namespace Neaspec.Survey.Report;

/// <summary>
/// The sensitivity run's tables, through the project's one CSV writer: sensitivity_settings.csv (one row per setting:
/// the thresholds, the network's size, PC, Kendall's tau-b against the baseline and the top-k overlap) and
/// sensitivity.csv (one row per site and setting, long format: rank, dPC and whether it is in the top k). A site's
/// share of settings in the top k is the mean of top_k over its rows.
/// </summary>
internal static class SensitivityCsv
{
    public static async Task WriteAsync(ConnectivityReport report, string directory, CancellationToken cancellationToken)
    {
        if (report.Sensitivity is not { } sensitivity)
        {
            return;
        }
        await WriteSettingsAsync(report, sensitivity, Path.Combine(directory, "sensitivity_settings.csv"), cancellationToken);
        await WriteSitesAsync(report, sensitivity, Path.Combine(directory, "sensitivity.csv"), cancellationToken);
    }

    private static async Task WriteSettingsAsync(ConnectivityReport report, SensitivityResult sensitivity, string path, CancellationToken cancellationToken)
    {
        await using var csv = CsvOutput.ToFile(path);
        csv.WriteHeader(["species", "season", "year", "setting", "parameter", "value", "factor", "stay_radius_km", "min_stay_hours",
            "max_gap_hours", "site_distance_km", "cluster_distance_km", "nodes", "candidates", "links", "moves", "PC", "kendall_tau_b",
            "top_k", "top_k_same", "problem"]);
        for (var s = 0; s < sensitivity.Settings.Count; s++)
        {
            var x = sensitivity.Settings[s];
            Key(csv, report);
            csv.WriteField(s);
            csv.WriteField(x.Setting.Parameter);
            csv.WriteField(Finite(x.Setting.Value));
            csv.WriteField(x.Setting.Factor);
            foreach (var (_, value, _, _) in ReportCommandLine.Thresholds(x.Setting.Stays, x.Setting.Sites))
            {
                csv.WriteField(value);
            }
            csv.WriteField(x.Nodes);
            csv.WriteField(x.Candidates);
            csv.WriteField(x.Links);
            csv.WriteField(x.Moves);
            csv.WriteField(Finite(x.PC));
            csv.WriteField(Finite(x.TauB));
            csv.WriteField(sensitivity.K);
            csv.WriteField(x.TopKSame);
            csv.WriteField(x.Problem);
            await csv.EndRecordAsync(cancellationToken);
        }
    }

    private static async Task WriteSitesAsync(ConnectivityReport report, SensitivityResult sensitivity, string path, CancellationToken cancellationToken)
    {
        var language = report.Inputs.Request.Language;
        await using var csv = CsvOutput.ToFile(path);
        csv.WriteHeader(["species", "season", "year", "setting", "parameter", "value", "site_code", "site_name", "candidate", "rank", "dPC", "top_k"]);
        foreach (var row in sensitivity.Rows)
        {
            var name = report.Inputs.Sites.TryGetValue(row.Code, out var site) ? site.Name(language) : row.Code;
            for (var s = 0; s < sensitivity.Settings.Count; s++)
            {
                var setting = sensitivity.Settings[s].Setting;
                Key(csv, report);
                csv.WriteField(s);
                csv.WriteField(setting.Parameter);
                csv.WriteField(Finite(setting.Value));
                csv.WriteField(row.Code);
                csv.WriteField(name);
                csv.WriteField(ReportCsv.Bool(row.IsCandidate));
                csv.WriteField(row.Ranks[s]);
                csv.WriteField(row.Dpc[s]);
                csv.WriteField(ReportCsv.Bool(sensitivity.Settings[s].Problem is null ? row.Ranks[s] <= sensitivity.K : null));
                await csv.EndRecordAsync(cancellationToken);
            }
        }
    }

    private static void Key(CsvHelper.CsvWriter csv, ConnectivityReport report)
    {
        csv.WriteField(report.Inputs.Species);
        csv.WriteField(report.Inputs.Window.Season.Name);
        csv.WriteField(report.Inputs.Window.Year);
    }

    private static double? Finite(double value) => double.IsFinite(value) ? value : null;
}
