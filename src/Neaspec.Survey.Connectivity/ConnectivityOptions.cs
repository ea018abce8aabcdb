namespace Neaspec.Survey.Connectivity;

/// <summary>Options of <see cref="ConnectivityAnalysis.Run"/>.</summary>
public sealed record ConnectivityOptions
{
    /// <summary>A_L, the total attribute of the study area; null means the sum of the weights.</summary>
    public double? AreaTotal { get; init; }

    /// <summary>Threads for the path searches; default all cores.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// For an unpruned distance-decay network, take p*_ij = p_ij without searching paths. Exact, because the
    /// great-circle distance obeys the triangle inequality so no path beats the direct link; set false only to
    /// check that claim.
    /// </summary>
    public bool DirectLinksAreBestInMetricDecay { get; init; } = true;
}
