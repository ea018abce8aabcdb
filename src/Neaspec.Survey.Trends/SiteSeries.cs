namespace Neaspec.Survey.Trends;

/// <summary>One site's row of the table after the fit: what was counted and what the model expects, year by
/// year (for an observed-versus-imputed view).</summary>
/// <param name="Site">The site's id.</param>
/// <param name="Counts">The counts per year of <see cref="TrendResult.Years"/>; null where not counted.</param>
/// <param name="Fitted">μ_ij per year; where the count is null this is the imputed value.</param>
public sealed record SiteSeries(string Site, IReadOnlyList<int?> Counts, IReadOnlyList<double> Fitted);
