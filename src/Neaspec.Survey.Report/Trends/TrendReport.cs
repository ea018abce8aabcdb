using Neaspec.Survey.Trends;
using Neaspec.Survey.Trends.Thresholds;

namespace Neaspec.Survey.Report.Trends;

/// <summary>
/// A population trend from the database: TRIM fitted to the site-year table (<see cref="TrendAnalysis"/>), and every
/// site's seasons against the flyway populations' 1 % and 0.25 % thresholds (<see cref="ThresholdCriteria"/>). The flags
/// read the counted peaks only, never the imputed values.
/// </summary>
public sealed class TrendReport
{
    private TrendReport() { }

    /// <summary>The inputs.</summary>
    public required TrendInputs Inputs { get; init; }

    /// <summary>The fitted trend.</summary>
    public required TrendResult Result { get; init; }

    /// <summary>One block per flyway population (none when the table has no estimate for the species).</summary>
    public required IReadOnlyList<PopulationFlags> Flags { get; init; }

    /// <summary>When the report was computed (UTC).</summary>
    public required DateTime GeneratedAt { get; init; }

    /// <summary>Fits the trend and flags the sites.</summary>
    public static TrendReportOutcome Compute(TrendInputs inputs, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var outcome = TrendAnalysis.Run(inputs.Table, inputs.Request.Trend);
        if (outcome.Result is not { } result)
        {
            // The strata need counts in every country and year (model 3); say how to fit one flyway trend instead.
            var hint = inputs.ByCountry && inputs.Request.ByCountry is null
                ? ["per-country strata are on because the sites lie in several countries; --covariate none fits one trend over all of them"]
                : Array.Empty<string>();
            return new TrendReportOutcome(null, [.. outcome.Problems, .. hint]);
        }
        var peaks = inputs.Values.ToLookup(v => v.Site, StringComparer.Ordinal);
        var years = Enumerable.Range(inputs.Request.FirstYear, inputs.Request.LastYear - inputs.Request.FirstYear + 1).ToArray();
        var flags = inputs.Thresholds.Select(threshold => new PopulationFlags(threshold,
            [.. inputs.Sites.Keys.Order(StringComparer.Ordinal).Select(site =>
            {
                var byYear = peaks[site].ToDictionary(v => v.Year, v => v.Count);
                return ThresholdCriteria.Evaluate(site, years.Select(y => new SeasonPeak(y, byYear.GetValueOrDefault(y))), threshold, inputs.Staging);
            })])).ToList();
        return new TrendReportOutcome(new TrendReport
        {
            Inputs = inputs,
            Result = result,
            Flags = flags,
            GeneratedAt = (time ?? TimeProvider.System).GetUtcNow().UtcDateTime,
        }, []);
    }
}
