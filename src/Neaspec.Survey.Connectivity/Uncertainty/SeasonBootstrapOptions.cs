namespace Neaspec.Survey.Connectivity.Uncertainty;

/// <summary>Options of <see cref="SeasonBootstrap.Run"/>.</summary>
public sealed record SeasonBootstrapOptions
{
    /// <summary>Replicates, seed, level and threads.</summary>
    public BootstrapOptions Bootstrap { get; init; } = new();

    /// <summary>A_L for PC (as the report's run); null = the sum of the replicate's weights.</summary>
    public double? AreaTotal { get; init; }

    /// <summary>Recount the node weights from each resample (the weighting "tracked individuals": a_i = birds at i);
    /// false keeps the given weights (census peak counts, or uniform), which do not depend on the birds.</summary>
    public bool WeightsFromBirds { get; init; }

    /// <summary>Also compute PC and EC with reachability at any later stay (<see cref="Migratory.Reachability"/>).</summary>
    public bool Reachability { get; init; }
}
