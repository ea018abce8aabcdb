namespace Neaspec.Survey.Trends;

/// <summary>The counts a trend is estimated from: site-year cells, and the names of the covariates whose
/// categories each cell carries (e.g. country, habitat). A site-year that has no cell is missing, exactly
/// as a cell with a null count.</summary>
public sealed record TrendInput
{
    /// <summary>The cells; at most one per site and year.</summary>
    public required IReadOnlyList<SiteYearCount> Counts { get; init; }

    /// <summary>Covariate names, in the order of <see cref="SiteYearCount.Covariates"/>.</summary>
    public IReadOnlyList<string> CovariateNames { get; init; } = [];

    /// <summary>First year of the series; default the earliest year of any cell.</summary>
    public int? FirstYear { get; init; }

    /// <summary>Last year of the series; default the latest year of any cell.</summary>
    public int? LastYear { get; init; }
}
