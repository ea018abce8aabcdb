namespace Neaspec.Survey.Trends;

/// <summary>One estimated time parameter with its standard error (TRIM 3 manual, "Models" and "Parameter estimates"): a slope of
/// model 2 or a time effect of model 3, for the baseline or as the extra effect of a covariate category.</summary>
/// <param name="Kind">Slope (model 2) or time effect (model 3).</param>
/// <param name="Covariate">Null for the baseline; else the covariate whose category adds this effect.</param>
/// <param name="Category">The covariate category, null for the baseline.</param>
/// <param name="FromYear">Slope: first year of the segment. Time effect: the first year of the series.</param>
/// <param name="ToYear">Slope: last year of the segment. Time effect: the year j of γ_j.</param>
/// <param name="Additive">The parameter on the log scale.</param>
/// <param name="AdditiveSe">Its standard error.</param>
public sealed record TimeParameter(ParameterKind Kind, string? Covariate, string? Category, int FromYear, int ToYear,
    double Additive, double AdditiveSe)
{
    /// <summary>exp(parameter): a yearly growth factor (slope) or a ratio to the first year (time effect).</summary>
    public double Multiplicative => Math.Exp(Additive);

    /// <summary>exp(parameter) SE (delta method).</summary>
    public double MultiplicativeSe => Math.Exp(Additive) * AdditiveSe;
}
