namespace Neaspec.Survey.Trends;

/// <summary>One of TRIM's Wald tests, W = θ' V(θ)⁻¹ θ against χ²(df) (TRIM 3 manual, "Wald tests"):
/// the slope of model 2, each change in slope at a changepoint, model 3's deviations from a linear trend,
/// and each covariate's effect.</summary>
/// <param name="Test">What is tested, in words ("slope", "change in slope at 2005", "deviations from a
/// linear trend", "covariate habitat").</param>
/// <param name="W">The Wald statistic.</param>
/// <param name="Df">Degrees of freedom.</param>
/// <param name="P">p-value: small means the parameters differ from 0.</param>
public sealed record WaldTest(string Test, double W, int Df, double P);
