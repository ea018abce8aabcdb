using System.Globalization;
using Neaspec.Survey.Trends;

namespace Neaspec.Survey.Report.Trends;

/// <summary>The model and its options in words: "TRIM model 3 (time effects), overdispersion, serial correlation".</summary>
public static class ModelText
{
    /// <summary>The model and options of <paramref name="options"/> in words.</summary>
    public static string Of(TrendOptions options)
    {
        var name = options.Model switch
        {
            TrendModel.NoTimeEffects => "no time effects",
            TrendModel.LinearTrend => "linear trend",
            _ => "time effects",
        };
        var parts = new List<string> { string.Create(CultureInfo.InvariantCulture, $"TRIM model {(int)options.Model} ({name})") };
        if (options.Changepoints.Count > 0)
        {
            parts.Add("changepoints " + string.Join(", ", options.Changepoints.Order().Select(y => y.ToString(CultureInfo.InvariantCulture))));
        }
        if (options.Overdispersion)
        {
            parts.Add("overdispersion");
        }
        if (options.SerialCorrelation)
        {
            parts.Add("serial correlation");
        }
        return string.Join(", ", parts);
    }
}
