namespace Neaspec.Survey.Trends.Tests;

/// <summary>Small site x year tables written as rows, null for a missing count.</summary>
internal static class Tables
{
    public const int FirstYear = 2001;

    /// <summary>Site "s1", "s2", ... in rows, years 2001, 2002, ... in columns.</summary>
    public static TrendInput Of(params int?[][] rows) => new()
    {
        Counts = rows.SelectMany((row, i) => row.Select((count, j) => new SiteYearCount($"s{i + 1}", FirstYear + j, count))).ToList(),
    };

    public static TrendResult Fit(TrendInput input, TrendModel model, bool overdispersion = false, bool serialCorrelation = false,
        int[]? changepoints = null, int? baseYear = null)
    {
        var outcome = TrendAnalysis.Run(input, new TrendOptions
        {
            Model = model,
            Overdispersion = overdispersion,
            SerialCorrelation = serialCorrelation,
            Changepoints = changepoints ?? [],
            BaseYear = baseYear,
        });
        Assert.Empty(outcome.Problems);
        Assert.True(outcome.Result!.Converged);
        return outcome.Result;
    }
}
