namespace Neaspec.Survey.Trends;

/// <summary>One cell of the site x year table: the count of site <paramref name="Site"/> in
/// <paramref name="Year"/>, or <c>null</c> when the site was not counted that year (a missing site-year
/// that TRIM imputes; never the same as 0, which is a real zero).</summary>
/// <param name="Site">The site's id.</param>
/// <param name="Year">The year (time point).</param>
/// <param name="Count">Individuals counted (>= 0), or null for a missing count.</param>
/// <param name="Covariates">The cell's category of each covariate, in the order of
/// <see cref="TrendInput.CovariateNames"/> (empty without covariates).</param>
public sealed record SiteYearCount(string Site, int Year, int? Count, IReadOnlyList<string> Covariates)
{
    /// <summary>A cell without covariates.</summary>
    public SiteYearCount(string site, int year, int? count) : this(site, year, count, [])
    {
    }
}
