namespace Neaspec.Survey.Trends;

/// <summary>A fitted TRIM model and everything TRIM reports from it.</summary>
public sealed record TrendResult
{
    /// <summary>The options the model was fitted with.</summary>
    public required TrendOptions Options { get; init; }

    /// <summary>The years of the series, consecutive.</summary>
    public required IReadOnlyList<int> Years { get; init; }

    /// <summary>The year whose index is 1.</summary>
    public required int BaseYear { get; init; }

    /// <summary>The sites the model was fitted to.</summary>
    public required IReadOnlyList<string> Sites { get; init; }

    /// <summary>Sites left out because they have no positive count (all zeros or all missing): they carry
    /// no information on change, and TRIM removes them.</summary>
    public required IReadOnlyList<string> RemovedSites { get; init; }

    /// <summary>Counts of the kept sites that are observed (zeros included).</summary>
    public required int ObservedCounts { get; init; }

    /// <summary>Observed counts that are 0.</summary>
    public required int ZeroCounts { get; init; }

    /// <summary>Site-years of the kept sites without a count (imputed).</summary>
    public required int MissingCounts { get; init; }

    /// <summary>The covariates, in the order of the input.</summary>
    public required IReadOnlyList<string> Covariates { get; init; }

    /// <summary>True when the estimation converged within the iterations allowed.</summary>
    public required bool Converged { get; init; }

    /// <summary>Iterations of the estimation.</summary>
    public required int Iterations { get; init; }

    /// <summary>The estimated overdispersion σ²; null when it was not estimated (Poisson: 1).</summary>
    public required double? Overdispersion { get; init; }

    /// <summary>The estimated serial correlation ρ; null when it was not estimated (independent: 0).</summary>
    public required double? SerialCorrelation { get; init; }

    /// <summary>χ², likelihood ratio, AIC.</summary>
    public required GoodnessOfFit GoodnessOfFit { get; init; }

    /// <summary>The model's time parameters (none for model 1).</summary>
    public required IReadOnlyList<TimeParameter> Parameters { get; init; }

    /// <summary>TRIM's Wald tests for this model.</summary>
    public required IReadOnlyList<WaldTest> WaldTests { get; init; }

    /// <summary>Totals and indices per year, pooled over all sites (and strata).</summary>
    public required IReadOnlyList<YearTotals> YearTotals { get; init; }

    /// <summary>Overall slope of the model totals.</summary>
    public required OverallSlope? ModelSlope { get; init; }

    /// <summary>Overall slope of the imputed totals (TRIM recommends this one).</summary>
    public required OverallSlope? ImputedSlope { get; init; }

    /// <summary>Per covariate category, its totals and indices (empty without covariates).</summary>
    public required IReadOnlyList<StratumTrend> Strata { get; init; }

    /// <summary>Per site, counts and fitted values.</summary>
    public required IReadOnlyList<SiteSeries> SiteSeries { get; init; }
}
