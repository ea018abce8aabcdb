using System.Security.Cryptography;

namespace Neaspec.Survey.Connectivity.Uncertainty;

/// <summary>
/// The nonparametric bootstrap over individuals (Efron &amp; Tibshirani 1993, An Introduction to the Bootstrap,
/// ch. 6): draw n individuals with replacement from the n tracked, recompute the statistic from the resample, B
/// times. An individual is the unit that is resampled, whatever the statistic reads from it (its origin and
/// target, its moves between stays), because individuals are what was sampled: one bird's moves are not
/// independent of each other.
/// </summary>
/// <remarks>
/// Replicate r draws from its own random stream, seeded from (seed, r) only, and writes its result to slot r, so
/// the results are identical for a seed whatever the number of threads and whatever order the replicates run in.
/// Replicates run in parallel on <see cref="BootstrapOptions.MaxDegreeOfParallelism"/> threads; the statistic
/// must be safe to call from several threads at once (pure, or with its own scratch state per call).
/// </remarks>
public static class Bootstrap
{
    /// <summary>Runs B replicates of <paramref name="statistic"/>.</summary>
    /// <typeparam name="TRecord">An individual's record.</typeparam>
    /// <typeparam name="TStatistic">What one replicate computes (a number, a record of indices, per-site arrays).</typeparam>
    /// <param name="individuals">The sample (n &gt;= 1).</param>
    /// <param name="statistic">Computes the statistic of one resample. The resample object is reused for the
    /// replicate's next draw: copy what you keep.</param>
    /// <param name="options">Replicates, seed, threads.</param>
    /// <param name="accept">Optional condition a resample must meet, else it is drawn again (MigConnectivity's
    /// estTransition redraws until every origin site has an animal, as psi needs a defined row per origin). The
    /// condition changes what the interval means slightly (conditional on it); the redraws are counted.</param>
    /// <param name="cancellationToken">Stops between replicates.</param>
    /// <exception cref="InvalidOperationException">A replicate drew <see cref="BootstrapOptions.MaxDrawsPerReplicate"/>
    /// resamples and none met <paramref name="accept"/>.</exception>
    public static BootstrapReplicates<TStatistic> Run<TRecord, TStatistic>(IReadOnlyList<TRecord> individuals,
        Func<Resample<TRecord>, TStatistic> statistic, BootstrapOptions? options = null,
        Func<Resample<TRecord>, bool>? accept = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(individuals);
        ArgumentNullException.ThrowIfNull(statistic);
        options ??= new BootstrapOptions();
        Check(options, individuals.Count);
        var seed = options.Seed ?? RandomNumberGenerator.GetInt32(int.MaxValue);
        var results = new TStatistic[options.Replicates];
        var draws = new int[options.Replicates];
        try
        {
            Parallel.For(0, options.Replicates,
                new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxDegreeOfParallelism), CancellationToken = cancellationToken },
                () => new Resample<TRecord>(individuals),
                (r, _, resample) =>
                {
                    draws[r] = Draw(resample, new RandomStream(seed, r), accept, options.MaxDrawsPerReplicate, r);
                    results[r] = statistic(resample);
                    return resample;
                },
                _ => { });
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // The statistic's or the draw's own exception, not the parallel loop's wrapper.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }
        return new BootstrapReplicates<TStatistic>(results, seed, options.ConfidenceLevel, draws.Sum() - options.Replicates);
    }

    private static int Draw<TRecord>(Resample<TRecord> resample, RandomStream random, Func<Resample<TRecord>, bool>? accept,
        int maxDraws, int replicate)
    {
        for (var drawn = 1; drawn <= maxDraws; drawn++)
        {
            resample.Draw(random);
            if (accept is null || accept(resample))
            {
                return drawn;
            }
        }
        throw new InvalidOperationException(
            $"Bootstrap replicate {replicate}: none of {maxDraws} resamples of the {resample.Count} individuals met the condition; too few individuals for it.");
    }

    private static void Check(BootstrapOptions options, int n)
    {
        if (n < 1)
        {
            throw new ArgumentException("The bootstrap needs at least one individual.", nameof(n));
        }
        if (options.Replicates < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Replicates, "The number of replicates must be >= 1.");
        }
        if (!(options.ConfidenceLevel > 0 && options.ConfidenceLevel < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.ConfidenceLevel, "The confidence level must be strictly between 0 and 1.");
        }
        if (options.MaxDrawsPerReplicate < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxDrawsPerReplicate, "MaxDrawsPerReplicate must be >= 1.");
        }
    }
}
