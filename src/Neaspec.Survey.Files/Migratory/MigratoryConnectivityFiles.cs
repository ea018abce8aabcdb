using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Neaspec.Survey.Connectivity;
using Neaspec.Survey.Connectivity.Migratory;
using Neaspec.Survey.Connectivity.Uncertainty;

namespace Neaspec.Survey.Files.Migratory;

/// <summary>
/// File mode of migratory connectivity (<c>neaspec migratory-connectivity</c>): psi (or the individuals to
/// estimate it from), distances and origin abundance in; <c>summary.json</c> (MC, rM, their bootstrap intervals) and
/// <c>psi.csv</c> out. See docs/migratory-connectivity.md.
/// </summary>
/// <remarks>
/// What the bootstrap resamples: the individuals (nonparametric, over birds), because they are what was sampled; psi,
/// MC and rM are recomputed from each resample with N = the number of birds, and a resample that leaves an origin
/// without a bird is drawn again (MigConnectivity's estTransition does the same). A psi file alone has no
/// individuals to resample and its row sizes are unknown, so an interval needs the individuals file; a psi from a
/// model (mark-recapture, isotopes) carries its own uncertainty that belongs with that model.
/// Nothing is written unless every input is accepted, and the outputs are written under temporary names and renamed
/// at the end, so a failed run leaves no half-written summary.
/// </remarks>
public static class MigratoryConnectivityFiles
{
    /// <summary>The largest number of bootstrap replicates accepted (MigConnectivity's examples use 1,000).</summary>
    public const int MaxReplicates = 100_000;

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Reads, checks, computes and writes.</summary>
    public static MigratoryConnectivityFileReport Run(MigratoryConnectivityFileOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = CheckOptions(options);
        if (errors.Count > 0)
        {
            return new MigratoryConnectivityFileReport(errors, null);
        }
        var inputs = MigratoryInputs.Read(options, errors);
        if (inputs is null)
        {
            return new MigratoryConnectivityFileReport(errors, null);
        }
        var point = PointEstimate(inputs, options.SampleSize);
        BootstrapReplicates<Replicate>? replicates;
        try
        {
            replicates = options.Bootstrap is { } b ? Resample(inputs, b, options, cancellationToken) : null;
        }
        catch (InvalidOperationException e)
        {
            // Too few birds for resamples that keep every origin: the input's limit, not a failure.
            return new MigratoryConnectivityFileReport(
                [new InputError(Path.GetFileName(options.IndividualsPath!), 0, "origin", "", e.Message + " Merge regions with few birds.")], null);
        }
        var result = new MigratoryConnectivityFileResult(point.MC, point.SampleSize is null ? "MC(R)" : "MC", point.SampleSize,
            inputs.HasPoints ? point.RM : null,
            replicates?.Interval(r => r.MC), inputs.HasPoints ? replicates?.Interval(r => r.RM) : null,
            replicates?.Seed, inputs.Individuals?.Count);
        Write(options, inputs, point, result, replicates);
        return new MigratoryConnectivityFileReport([], result);
    }

    /// <summary>What one resample (or the sample itself) gives.</summary>
    private sealed record Replicate(double MC, double RM, double[,] Psi, double? SampleSize, int[,]? Counts);

    private static Replicate PointEstimate(MigratoryInputs inputs, double? sampleSize)
    {
        if (inputs.Individuals is not { } birds)
        {
            var mc = MigratoryConnectivity.Strength(inputs.Psi!, inputs.OriginDistances, inputs.TargetDistances, inputs.Abundance, sampleSize);
            return new Replicate(mc, double.NaN, inputs.Psi!, sampleSize, null);
        }
        var all = Enumerable.Range(0, birds.Count).ToArray();
        return FromBirds(inputs, all, inputs.HasPoints ? PointDistances(birds) : null);
    }

    /// <summary>psi from the birds at <paramref name="picks"/>, MC with N = their number (as MigConnectivity passes
    /// the number of animals to estStrength), and rM of their points.</summary>
    private static Replicate FromBirds(MigratoryInputs inputs, IReadOnlyList<int> picks, (double[,] Origin, double[,] Target)? points)
    {
        var birds = inputs.Individuals!;
        var estimate = TransitionEstimate.FromIndividuals(picks.Select(k => birds[k].Origin).ToArray(),
            picks.Select(k => birds[k].Target).ToArray(), inputs.Origins.Length, inputs.Targets.Length);
        var mc = MigratoryConnectivity.Strength(estimate.Psi, inputs.OriginDistances, inputs.TargetDistances, inputs.Abundance, picks.Count);
        var rm = points is { } p ? MantelCorrelation.FromDistances(p.Origin, p.Target, picks) : double.NaN;
        return new Replicate(mc, rm, estimate.Psi, picks.Count, estimate.Counts);
    }

    private static (double[,], double[,]) PointDistances(IReadOnlyList<TrackedIndividual> birds) =>
        (MantelCorrelation.DistanceMatrix(birds.Select(b => b.OriginPoint!.Value).ToArray()),
         MantelCorrelation.DistanceMatrix(birds.Select(b => b.TargetPoint!.Value).ToArray()));

    private static BootstrapReplicates<Replicate> Resample(MigratoryInputs inputs, int replicates,
        MigratoryConnectivityFileOptions options, CancellationToken cancellationToken)
    {
        var birds = inputs.Individuals!;
        var points = inputs.HasPoints ? PointDistances(birds) : ((double[,], double[,])?)null;
        var origins = inputs.Origins.Length;
        return Bootstrap.Run(birds, resample => FromBirds(inputs, resample.Picks, points),
            new BootstrapOptions { Replicates = replicates, Seed = options.Seed, MaxDegreeOfParallelism = options.MaxDegreeOfParallelism },
            accept: resample =>
            {
                // Every origin needs a bird, else its psi row is undefined (MigConnectivity redraws likewise).
                var seen = new bool[origins];
                foreach (var bird in resample)
                {
                    seen[bird.Origin] = true;
                }
                return Array.TrueForAll(seen, x => x);
            },
            cancellationToken);
    }

    private static List<InputError> CheckOptions(MigratoryConnectivityFileOptions o)
    {
        var errors = new List<InputError>();
        void Bad(string option, object? value, string reason) =>
            errors.Add(new InputError("options", 0, option, Convert.ToString(value, Invariant) ?? "", reason));

        if ((o.PsiPath is null) == (o.IndividualsPath is null))
        {
            Bad("--psi", o.PsiPath, "give either --psi PSI.csv or --individuals FILE (psi is then estimated from the birds)");
        }
        if ((o.OriginDistancesPath is null) == (o.OriginsPath is null))
        {
            Bad("--origin-distances", o.OriginDistancesPath, "give either --origin-distances OD.csv or --origins FILE (id,lon,lat)");
        }
        if ((o.TargetDistancesPath is null) == (o.TargetsPath is null))
        {
            Bad("--target-distances", o.TargetDistancesPath, "give either --target-distances TD.csv or --targets FILE (id,lon,lat)");
        }
        foreach (var (option, path) in new[]
        {
            ("--psi", o.PsiPath), ("--individuals", o.IndividualsPath), ("--origin-distances", o.OriginDistancesPath),
            ("--target-distances", o.TargetDistancesPath), ("--origins", o.OriginsPath), ("--targets", o.TargetsPath),
            ("--origin-abundance", o.OriginAbundancePath),
        })
        {
            if (path is not null && !File.Exists(path))
            {
                Bad(option, path, "no such file");
            }
        }
        if (o.SampleSize is { } n && o.IndividualsPath is not null)
        {
            Bad("--sample-size", n, "with --individuals the sample size is the number of birds; leave --sample-size out");
        }
        if (o.SampleSize is { } size && (!(size > 1) || double.IsInfinity(size)))
        {
            Bad("--sample-size", size, "the sample size is a number of animals > 1");
        }
        if (o.Bootstrap is not null && o.IndividualsPath is null)
        {
            Bad("--bootstrap", o.Bootstrap, "the bootstrap resamples individuals: give --individuals (id,origin,target); a psi matrix alone has no birds to resample");
        }
        if (o.Bootstrap is { } b && (b < 1 || b > MaxReplicates))
        {
            Bad("--bootstrap", b, $"the number of replicates must be between 1 and {MaxReplicates.ToString(Invariant)}");
        }
        return errors;
    }

    private static void Write(MigratoryConnectivityFileOptions o, MigratoryInputs inputs, Replicate point,
        MigratoryConnectivityFileResult result, BootstrapReplicates<Replicate>? replicates)
    {
        Directory.CreateDirectory(o.OutDirectory);
        var summaryPath = Path.Combine(o.OutDirectory, "summary.json");
        var psiPath = Path.Combine(o.OutDirectory, "psi.csv");
        var summaryTemp = TempName(summaryPath);
        var psiTemp = TempName(psiPath);
        try
        {
            File.WriteAllText(summaryTemp, Summary(o, inputs, result, replicates).ToJsonString(Indented) + "\n", new UTF8Encoding(false));
            WritePsi(psiTemp, inputs, point, replicates);
            File.Move(psiTemp, psiPath, overwrite: true);
            File.Move(summaryTemp, summaryPath, overwrite: true);
        }
        finally
        {
            File.Delete(summaryTemp);
            File.Delete(psiTemp);
        }
    }

    private static string TempName(string path) =>
        Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Environment.ProcessId}.tmp");

    // Relaxed escaping keeps region names in any script readable; the file is data, never inlined in HTML.
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static JsonObject Summary(MigratoryConnectivityFileOptions o, MigratoryInputs inputs, MigratoryConnectivityFileResult r,
        BootstrapReplicates<Replicate>? replicates)
    {
        var relative = MigratoryConnectivity.Normalise(inputs.Abundance);
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
        json["psi"] = o.PsiPath is not null ? Path.GetFileName(o.PsiPath) : $"estimated from the individuals of {Path.GetFileName(o.IndividualsPath)}";
        json["originDistances"] = inputs.OriginDistanceSource;
        json["targetDistances"] = inputs.TargetDistanceSource;
        json["origins"] = new JsonArray(inputs.Origins.Select(x => (JsonNode)x).ToArray());
        json["targets"] = new JsonArray(inputs.Targets.Select(x => (JsonNode)x).ToArray());
        var abundance = new JsonObject();
        for (var i = 0; i < inputs.Origins.Length; i++)
        {
            abundance[inputs.Origins[i]] = relative[i];
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

    private static JsonObject BootstrapJson(BootstrapReplicates<Replicate> replicates, MigratoryConnectivityFileResult r)
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

    /// <summary>psi.csv: one row per origin-target pair, with the birds behind it and the bootstrap interval when
    /// there is one.</summary>
    private static void WritePsi(string path, MigratoryInputs inputs, Replicate point, BootstrapReplicates<Replicate>? replicates)
    {
        using var writer = CsvOutput.ToFile(path);
        writer.WriteHeader(replicates is null
            ? ["origin", "target", "psi", "individuals"]
            : ["origin", "target", "psi", "individuals", "psi_ci_low", "psi_ci_high"]);
        for (var i = 0; i < inputs.Origins.Length; i++)
        {
            for (var j = 0; j < inputs.Targets.Length; j++)
            {
                var fields = new List<string>
                {
                    inputs.Origins[i], inputs.Targets[j], point.Psi[i, j].ToString("R", Invariant),
                    point.Counts is { } counts ? counts[i, j].ToString(Invariant) : "",
                };
                if (replicates is not null)
                {
                    var (oi, tj) = (i, j);
                    var interval = replicates.Interval(r => r.Psi[oi, tj]);
                    fields.Add(interval.Low.ToString("R", Invariant));
                    fields.Add(interval.High.ToString("R", Invariant));
                }
                writer.WriteRecord(fields.ToArray());
            }
        }
    }
}
