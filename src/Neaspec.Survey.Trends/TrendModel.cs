namespace Neaspec.Survey.Trends;

/// <summary>The three TRIM models (Pannekoek &amp; van Strien, TRIM 3 manual, Statistics Netherlands 2005,
/// "Models"): each a log-linear Poisson model for the expected count μ_ij of site i in year j.</summary>
public enum TrendModel
{
    /// <summary>Model 1, no time effects: ln μ_ij = α_i. Each site keeps its own level and nothing changes;
    /// TRIM uses it as the null model that models 2 and 3 are compared with.</summary>
    NoTimeEffects = 1,

    /// <summary>Model 2, linear trend: ln μ_ij = α_i + β (j - 1), with changepoints a piecewise linear trend
    /// (one slope per segment between changepoints).</summary>
    LinearTrend = 2,

    /// <summary>Model 3, effects for each time point: ln μ_ij = α_i + γ_j with γ_1 = 0.</summary>
    TimeEffects = 3,
}
