using Neaspec.Survey.Report.Migratory;

namespace Neaspec.Survey.Report;

/// <summary>
/// What a report computes from the tracked birds beyond the links (issue 13): the bootstrap over birds behind every
/// interval, PC with reachability at any later stay, and the migratory-connectivity (MC) section. One option set, so
/// the command line and the portal form map it in one place.
/// </summary>
public sealed record ReportBirdOptions
{
    /// <summary>B when the season has tracks and no number is given (MigConnectivity's nBoot default).</summary>
    public const int DefaultReplicates = 1000;

    /// <summary>The seed when none is given: a report is reproducible by default (the same inputs write the same files);
    /// run again with another seed to see how much the intervals owe to the draw.</summary>
    public const long DefaultSeed = 1;

    /// <summary>The largest B accepted.</summary>
    public const int MaxReplicates = 100_000;

    /// <summary>B, the bootstrap replicates over the birds; null = <see cref="DefaultReplicates"/> when the season has
    /// tracks, 0 = no bootstrap. Distance-decay runs have no birds to resample and get no intervals.</summary>
    public int? Bootstrap { get; init; }

    /// <summary>The bootstrap's seed; null = <see cref="DefaultSeed"/>.</summary>
    public long? Seed { get; init; }

    /// <summary>Threads of the bootstrap (default all cores; never changes the results).</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Also compute PC and EC of telemetry runs with the probability of reaching a site at any later stay of
    /// the season (an absorbing Markov chain) instead of Conefor's best path. Off by default.</summary>
    public bool Reachability { get; init; }

    /// <summary>The MC section (origin and target seasons, regions), or null for none.</summary>
    public MigratoryRequest? Migratory { get; init; }

    /// <summary>The replicates to run for a season with (<paramref name="tracked"/>) or without tracks.</summary>
    public int ReplicatesFor(bool tracked) => tracked ? Bootstrap ?? DefaultReplicates : 0;

    /// <summary>What is wrong with the options, in words for the user (empty when nothing).</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (Bootstrap is { } b && (b < 0 || b > MaxReplicates))
        {
            problems.Add($"--bootstrap: {b} replicates; give 0 (none) to {MaxReplicates:N0}");
        }
        if (Migratory is { } m)
        {
            problems.AddRange(m.Problems());
        }
        return problems;
    }
}
