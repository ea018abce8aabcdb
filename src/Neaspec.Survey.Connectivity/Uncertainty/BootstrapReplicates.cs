namespace Neaspec.Survey.Connectivity.Uncertainty;

/// <summary>The B results of a bootstrap, in replicate order, and the intervals they give.</summary>
/// <typeparam name="TStatistic">What one replicate computed.</typeparam>
public sealed class BootstrapReplicates<TStatistic>
{
    internal BootstrapReplicates(IReadOnlyList<TStatistic> replicates, long seed, double confidenceLevel, int redraws)
    {
        Replicates = replicates;
        Seed = seed;
        ConfidenceLevel = confidenceLevel;
        Redraws = redraws;
    }

    /// <summary>The replicate results; slot r is replicate r.</summary>
    public IReadOnlyList<TStatistic> Replicates { get; }

    /// <summary>The seed used (the one given, or the one drawn).</summary>
    public long Seed { get; }

    /// <summary>Coverage of the intervals.</summary>
    public double ConfidenceLevel { get; }

    /// <summary>Resamples drawn again because they did not meet the acceptance condition.</summary>
    public int Redraws { get; }

    /// <summary>The percentile interval of one number of the statistic.</summary>
    public BootstrapInterval Interval(Func<TStatistic, double> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return BootstrapInterval.Percentile(Replicates.Select(value), ConfidenceLevel);
    }
}
