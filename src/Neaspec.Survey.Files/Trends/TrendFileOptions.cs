using Neaspec.Survey.Trends;

namespace Neaspec.Survey.Files.Trends;

/// <summary>Options of <see cref="TrendFiles.Run"/>, one per command-line option of <c>neaspec trend</c>.</summary>
public sealed record TrendFileOptions
{
    /// <summary>The counts CSV: site,year,count and optional covariate columns.</summary>
    public required string CountsPath { get; init; }

    /// <summary>Model, changepoints, overdispersion, serial correlation, base year.</summary>
    public required TrendOptions Trend { get; init; }

    /// <summary>The column whose values are the strata (e.g. country); null for none.</summary>
    public string? Covariate { get; init; }

    /// <summary>Output folder; created when missing.</summary>
    public required string OutDirectory { get; init; }
}
