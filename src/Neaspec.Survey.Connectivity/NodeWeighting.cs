namespace Neaspec.Survey.Connectivity;

/// <summary>What a node weight a_i measures.</summary>
public enum NodeWeighting
{
    /// <summary>Peak count of the species at the site within a date window.</summary>
    PeakCount,

    /// <summary>Number of distinct tracked individuals that stopped at the site.</summary>
    TrackedIndividuals,

    /// <summary>Every site weighs 1: connectivity of the site network as such.</summary>
    Uniform,
}
