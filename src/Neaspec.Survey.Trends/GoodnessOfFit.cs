namespace Neaspec.Survey.Trends;

/// <summary>TRIM's goodness-of-fit statistics over the observed cells (TRIM 3 manual, "Goodness of
/// fit"): Pearson's χ² = Σ (f - μ)² / μ, the likelihood ratio LR = 2 Σ f ln(f / μ) and AIC = LR - 2 df,
/// with df = observed counts - sites - time parameters. Both tests assume Poisson counts: with
/// overdispersion or serial correlation they reject a model that is still useful, which is why TRIM
/// compares models by AIC (lower is better) rather than by these p-values.</summary>
/// <param name="ChiSquare">Pearson's χ².</param>
/// <param name="ChiSquareP">Its p-value against χ²(df).</param>
/// <param name="LikelihoodRatio">The likelihood ratio (deviance) statistic.</param>
/// <param name="LikelihoodRatioP">Its p-value against χ²(df).</param>
/// <param name="Df">Degrees of freedom.</param>
/// <param name="Aic">Akaike's information criterion up to a constant, LR - 2 df.</param>
public sealed record GoodnessOfFit(double ChiSquare, double ChiSquareP, double LikelihoodRatio, double LikelihoodRatioP, int Df, double Aic);
