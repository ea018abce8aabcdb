namespace Neaspec.Survey.Trends;

/// <summary>What <see cref="TrendAnalysis.Run"/> gives: the result, or the reasons these counts cannot
/// support the model asked for (too few counts for its parameters, a changepoint outside the years, ...).</summary>
/// <param name="Result">The fitted trend; null when there are problems.</param>
/// <param name="Problems">Why no trend could be fitted, in words a user can act on.</param>
public sealed record TrendOutcome(TrendResult? Result, IReadOnlyList<string> Problems)
{
    /// <summary>True when a trend was fitted.</summary>
    public bool Succeeded => Result is not null;
}
