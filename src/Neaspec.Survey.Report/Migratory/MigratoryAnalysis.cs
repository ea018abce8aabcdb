using Neaspec.Survey.Connectivity.Migratory;
using Neaspec.Survey.Connectivity.Uncertainty;
using Neaspec.Survey.Files.Migratory;

namespace Neaspec.Survey.Report.Migratory;

/// <summary>
/// MC, rM and psi of the birds of <see cref="MigrationInputs"/>, with their bootstrap over the birds: the library's
/// <see cref="MigratoryEstimate"/> on the birds used, great-circle km between the region centres and the origin
/// abundance, exactly what file mode computes from the same birds (the run writes them as file-mode inputs too).
/// </summary>
public sealed class MigratoryAnalysis
{
    private MigratoryAnalysis(MigrationInputs inputs, MigratoryEstimate? estimate, string? intervalNote)
    {
        Inputs = inputs;
        Estimate = estimate;
        IntervalNote = intervalNote;
    }

    /// <summary>What it was computed from (every bird, used or not, and why).</summary>
    public MigrationInputs Inputs { get; }

    /// <summary>psi, MC, rM and the bootstrap; null when MC cannot be computed (<see cref="WhyNot"/>).</summary>
    public MigratoryEstimate? Estimate { get; }

    /// <summary>Why there is no MC, or null.</summary>
    public string? WhyNot => Inputs.WhyNot;

    /// <summary>Why there is no interval although one was asked for (too few birds per origin for resamples that keep
    /// every origin), or null.</summary>
    public string? IntervalNote { get; }

    /// <summary>MC and rM with their intervals as file mode reports them; null without MC.</summary>
    public MigratoryConnectivityFileResult? Result => Estimate is { } e ? MigratoryOutput.Result(e, hasPoints: true) : null;

    /// <summary>The regions in psi's order, with the abundance and the sources in words.</summary>
    public MigratoryRegions Regions => new(Inputs.Origins.Select(o => o.Id).ToArray(), Inputs.Targets.Select(t => t.Id).ToArray(),
        Inputs.Origins.Select(o => o.Abundance ?? 0).ToArray(),
        $"estimated from the {Inputs.Birds.Count(b => b.Used)} tracked birds with a stay in both seasons (birds.csv)",
        "great-circle km between the origin region centres (regions.csv)", "great-circle km between the target region centres (regions.csv)");

    /// <summary>Computes MC (and with <paramref name="replicates"/> &gt; 0 its bootstrap) from the inputs.</summary>
    public static MigratoryAnalysis Compute(MigrationInputs inputs, int replicates, long? seed, int threads = 0,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.WhyNot is not null)
        {
            return new MigratoryAnalysis(inputs, null, null);
        }
        var birds = inputs.Individuals();
        var od = MigrationInputs.Distances(inputs.Origins);
        var td = MigrationInputs.Distances(inputs.Targets);
        var abundance = inputs.Origins.Select(o => o.Abundance ?? 0).ToArray();
        var options = replicates > 0
            ? new BootstrapOptions { Replicates = replicates, Seed = seed, MaxDegreeOfParallelism = threads > 0 ? threads : Environment.ProcessorCount }
            : null;
        try
        {
            return new MigratoryAnalysis(inputs, MigratoryEstimate.FromIndividuals(birds, od, td, abundance, options, cancellationToken), null);
        }
        catch (InvalidOperationException e)
        {
            // Too few birds per origin for resamples that keep every origin: the estimate stands, without an interval.
            return new MigratoryAnalysis(inputs, MigratoryEstimate.FromIndividuals(birds, od, td, abundance, null, cancellationToken),
                e.Message + " Merge regions (--regions country or cluster) for an interval.");
        }
    }
}
