namespace Neaspec.Survey.Trends;

/// <summary>What a <see cref="TimeParameter"/> is.</summary>
public enum ParameterKind
{
    /// <summary>Model 2: the yearly change of ln μ between two changepoints.</summary>
    Slope,

    /// <summary>Model 3: γ_j, the change of ln μ from the first year to year j.</summary>
    TimeEffect,
}
