using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Neaspec.Survey.Connectivity.Migratory;
using Neaspec.Survey.Connectivity.Uncertainty;

namespace Neaspec.Survey.Files.Migratory;

/// <summary>
/// What a migratory-connectivity run writes, whichever way its birds came in (file mode, or the stays in the
/// database): <c>summary.json</c> (MC, rM, intervals, regions, abundance, the bootstrap's settings) and
/// <c>psi.csv</c> (through <see cref="CsvOutput"/>), written under temporary names and renamed at the end so a
/// failed run never leaves a half-written summary and an earlier one stays as it was.
/// </summary>
public static class MigratoryOutput
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    // Relaxed escaping keeps region names in any script readable; the file is data, never inlined in HTML.
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The result of an estimate from individuals (MC with N = their number; rM when they have points).</summary>
    public static MigratoryConnectivityFileResult Result(MigratoryEstimate estimate, bool hasPoints)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        var n = estimate.Transitions.Individuals;
        return new MigratoryConnectivityFileResult(estimate.Point.MC, "MC", n, hasPoints ? estimate.Point.RM : null,
            estimate.MCInterval, hasPoints ? estimate.RMInterval : null, estimate.Bootstrap?.Seed, n);
    }

    /// <summary>Writes each (name, writer) into <paramref name="directory"/>: every file to a temporary name first, then
    /// all renamed in order (put summary.json last). Nothing is left under a temporary name.</summary>
    public static void WriteAtomically(string directory, IReadOnlyList<(string Name, Action<string> Write)> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        Directory.CreateDirectory(directory);
        var temps = files.Select(f => Path.Combine(directory, $".{f.Name}.{Environment.ProcessId}.tmp")).ToArray();
        try
        {
            for (var i = 0; i < files.Count; i++)
            {
                files[i].Write(temps[i]);
            }
            for (var i = 0; i < files.Count; i++)
            {
                File.Move(temps[i], Path.Combine(directory, files[i].Name), overwrite: true);
            }
        }
        finally
        {
            foreach (var temp in temps)
            {
                File.Delete(temp);
            }
        }
    }

    /// <summary>Indented JSON, UTF-8 without BOM, ending in a line break.</summary>
    public static void WriteJson(string path, JsonNode json)
    {
        ArgumentNullException.ThrowIfNull(json);
        File.WriteAllText(path, json.ToJsonString(Indented) + "\n", new UTF8Encoding(false));
    }

    /// <summary>summary.json: MC (and its interval), rM, the formula, N, the regions, where psi and the distances came
    /// from, the origins' relative abundance and, with a bootstrap, its settings and replicate summaries.</summary>
    public static JsonObject Summary(MigratoryConnectivityFileResult r, MigratoryRegions regions,
        BootstrapReplicates<MigratoryReplicate>? replicates)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(regions);
        var json = new JsonObject { ["MC"] = Number(r.MC) };
        if (r.MCInterval is { } mci)
        {
            json["MC_ci_low"] = Number(mci.Low);
            json["MC_ci_high"] = Number(mci.High);
        }
        if (r.RM is { } rm)
        {
            json["rM"] = Number(rm);
            if (r.RMInterval is { } rmi)
            {
                json["rM_ci_low"] = Number(rmi.Low);
                json["rM_ci_high"] = Number(rmi.High);
            }
        }
        json["formula"] = r.Formula;
        json["sampleSize"] = r.SampleSize;
        json["individuals"] = r.Individuals;
        json["psi"] = regions.PsiSource;
        json["originDistances"] = regions.OriginDistanceSource;
        json["targetDistances"] = regions.TargetDistanceSource;
        json["origins"] = new JsonArray(regions.Origins.Select(x => (JsonNode)x).ToArray());
        json["targets"] = new JsonArray(regions.Targets.Select(x => (JsonNode)x).ToArray());
        var relative = MigratoryConnectivity.Normalise(regions.Abundance);
        var abundance = new JsonObject();
        for (var i = 0; i < regions.Origins.Count; i++)
        {
            abundance[regions.Origins[i]] = relative[i];
        }
        json["originRelativeAbundance"] = abundance;
        if (replicates is not null)
        {
            json["bootstrap"] = BootstrapJson(replicates, r);
        }
        if (double.IsNaN(r.MC))
        {
            json["MC_undefined"] = "the pair distances do not vary (one origin holds all the abundance, or all distances are equal); MC is a correlation and needs spread";
        }
        return json;
    }

    private static JsonObject BootstrapJson(BootstrapReplicates<MigratoryReplicate> replicates, MigratoryConnectivityFileResult r)
    {
        var json = new JsonObject
        {
            ["replicates"] = replicates.Replicates.Count,
            ["seed"] = replicates.Seed,
            ["confidenceLevel"] = replicates.ConfidenceLevel,
            ["interval"] = "percentile, Hyndman-Fan type 8 quantiles (the simpleCI of MigConnectivity)",
            ["resampled"] = "individuals with replacement, psi re-estimated from each resample; resamples without a bird from every origin drawn again",
            ["redraws"] = replicates.Redraws,
            ["MC"] = IntervalJson(r.MCInterval!),
        };
        if (r.RMInterval is { } rmi)
        {
            json["rM"] = IntervalJson(rmi);
        }
        return json;
    }

    private static JsonObject IntervalJson(BootstrapInterval i) => new()
    {
        ["low"] = Number(i.Low),
        ["high"] = Number(i.High),
        ["mean"] = Number(i.Mean),
        ["median"] = Number(i.Median),
        ["standardError"] = Number(i.StandardError),
        ["defined"] = i.Defined,
        ["undefined"] = i.Undefined,
    };

    private static double? Number(double x) => double.IsFinite(x) ? x : null;

    /// <summary>psi.csv: one row per origin-target pair, <c>origin,target,psi,individuals</c> (n_ij, empty for a psi
    /// file) and with a bootstrap <c>psi_ci_low,psi_ci_high</c>.</summary>
    public static void WritePsi(string path, MigratoryRegions regions, double[,] psi, MigratoryEstimate? estimate)
    {
        ArgumentNullException.ThrowIfNull(regions);
        ArgumentNullException.ThrowIfNull(psi);
        var bootstrap = estimate?.Bootstrap is not null;
        using var writer = CsvOutput.ToFile(path);
        writer.WriteHeader(bootstrap
            ? ["origin", "target", "psi", "individuals", "psi_ci_low", "psi_ci_high"]
            : ["origin", "target", "psi", "individuals"]);
        for (var i = 0; i < regions.Origins.Count; i++)
        {
            for (var j = 0; j < regions.Targets.Count; j++)
            {
                var fields = new List<string>
                {
                    regions.Origins[i], regions.Targets[j], psi[i, j].ToString("R", Invariant),
                    estimate is not null ? estimate.Transitions.Counts[i, j].ToString(Invariant) : "",
                };
                if (bootstrap)
                {
                    var interval = estimate!.PsiInterval(i, j)!;
                    fields.Add(interval.Low.ToString("R", Invariant));
                    fields.Add(interval.High.ToString("R", Invariant));
                }
                writer.WriteRecord(fields.ToArray());
            }
        }
    }
}
