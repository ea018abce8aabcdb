namespace Neaspec.Survey.Trends;

/// <summary>How to fit the trend: the model and TRIM's options (TRIM 3 manual, "Models" and "Overdispersion and serial correlation").</summary>
public sealed record TrendOptions
{
    /// <summary>Model 1, 2 or 3.</summary>
    public required TrendModel Model { get; init; }

    /// <summary>Model 2 only: the years after which the slope may change. The first year is always a
    /// changepoint (TRIM's changepoint 1); none gives one slope for the whole series.</summary>
    public IReadOnlyList<int> Changepoints { get; init; } = [];

    /// <summary>Estimate the overdispersion σ² (variance = σ² μ) instead of assuming Poisson's 1.</summary>
    public bool Overdispersion { get; init; }

    /// <summary>Estimate the serial correlation ρ between a site's counts in consecutive years
    /// (correlation ρ^|j-k| between years j and k) instead of assuming independence.</summary>
    public bool SerialCorrelation { get; init; }

    /// <summary>The year whose index is 1; default the first year.</summary>
    public int? BaseYear { get; init; }

    /// <summary>Stop when the largest change of a time parameter and of ρ is below this (rtrim's 1e-5).</summary>
    public double Tolerance { get; init; } = 1e-5;

    /// <summary>Give up (and say so in the result) after this many iterations (rtrim's 200).</summary>
    public int MaxIterations { get; init; } = 200;
}
