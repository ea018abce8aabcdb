namespace Neaspec.Survey.Report.Trends;

/// <summary>The inputs of a trend, or what is wrong with the request or the data, in words for the user.</summary>
/// <param name="Inputs">The inputs, or null when <paramref name="Problems"/> is not empty.</param>
/// <param name="Problems">What is wrong.</param>
public sealed record TrendInputsResult(TrendInputs? Inputs, IReadOnlyList<string> Problems);
