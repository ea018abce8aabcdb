using System.Globalization;
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
        MigratoryEstimate? estimate;
        try
        {
            estimate = inputs.Individuals is { } birds
                ? MigratoryEstimate.FromIndividuals(birds.Select(b => new MigrantIndividual(b.Id, b.Origin, b.Target, b.OriginPoint, b.TargetPoint)).ToArray(),
                    inputs.OriginDistances, inputs.TargetDistances, inputs.Abundance,
                    options.Bootstrap is { } b ? new BootstrapOptions { Replicates = b, Seed = options.Seed, MaxDegreeOfParallelism = options.MaxDegreeOfParallelism } : null,
                    cancellationToken)
                : null;
        }
        catch (InvalidOperationException e)
        {
            // Too few birds for resamples that keep every origin: the input's limit, not a failure.
            return new MigratoryConnectivityFileReport(
                [new InputError(Path.GetFileName(options.IndividualsPath!), 0, "origin", "", e.Message + " Merge regions with few birds.")], null);
        }
        MigratoryConnectivityFileResult result;
        if (estimate is not null)
        {
            result = MigratoryOutput.Result(estimate, inputs.HasPoints);
        }
        else
        {
            var mc = MigratoryConnectivity.Strength(inputs.Psi!, inputs.OriginDistances, inputs.TargetDistances, inputs.Abundance, options.SampleSize);
            result = new MigratoryConnectivityFileResult(mc, options.SampleSize is null ? "MC(R)" : "MC", options.SampleSize, null, null, null, null, null);
        }
        var regions = new MigratoryRegions(inputs.Origins, inputs.Targets, inputs.Abundance,
            options.PsiPath is not null ? Path.GetFileName(options.PsiPath) : $"estimated from the individuals of {Path.GetFileName(options.IndividualsPath)}",
            inputs.OriginDistanceSource, inputs.TargetDistanceSource);
        var psi = estimate?.Point.Psi ?? inputs.Psi!;
        MigratoryOutput.WriteAtomically(options.OutDirectory,
        [
            ("psi.csv", path => MigratoryOutput.WritePsi(path, regions, psi, estimate)),
            ("summary.json", path => MigratoryOutput.WriteJson(path, MigratoryOutput.Summary(result, regions, estimate?.Bootstrap))),
        ]);
        return new MigratoryConnectivityFileReport([], result);
    }

    /// <summary>An abundance file (<c>id,abundance</c>) read and checked as file mode reads it, for the database mode's
    /// abundance given by hand; null and the errors when it is refused.</summary>
    public static IReadOnlyDictionary<string, double>? ReadAbundance(string path, List<InputError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!File.Exists(path))
        {
            errors.Add(new InputError("options", 0, "--origin-abundance", path, "no such file"));
            return null;
        }
        return MigratoryCsv.ReadAbundance(path, errors) is { } read
            ? read.Ids.Zip(read.Values).ToDictionary(x => x.First, x => x.Second, StringComparer.Ordinal)
            : null;
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
}
