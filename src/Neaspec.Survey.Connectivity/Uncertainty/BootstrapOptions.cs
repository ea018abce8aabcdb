namespace Neaspec.Survey.Connectivity.Uncertainty;

/// <summary>Options of <see cref="Bootstrap.Run{TRecord, TStatistic}"/>.</summary>
public sealed record BootstrapOptions
{
    /// <summary>B, the number of replicates (MigConnectivity's default nBoot is 1,000, as is this).</summary>
    public int Replicates { get; init; } = 1000;

    /// <summary>The seed; the same seed gives the same replicates on any number of threads. Null draws one (the
    /// result reports it, so the run can be repeated).</summary>
    public long? Seed { get; init; }

    /// <summary>Coverage of the intervals, 0.95 by default.</summary>
    public double ConfidenceLevel { get; init; } = 0.95;

    /// <summary>Threads; default all cores. It never changes the results.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>With an acceptance condition, how many resamples one replicate may draw before the run gives up
    /// (the condition is then too rarely met for the sample, e.g. many regions with one bird each).</summary>
    public int MaxDrawsPerReplicate { get; init; } = 10_000;
}
