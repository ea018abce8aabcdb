namespace Neaspec.Survey.Report;

/// <summary>The inputs of a report, or what is wrong with the request or the data, in words for the user.</summary>
/// <param name="Inputs">The inputs, or null when <paramref name="Problems"/> is not empty.</param>
/// <param name="Problems">What is wrong with the request or the data.</param>
public sealed record InputsResult(ConnectivityInputs? Inputs, IReadOnlyList<string> Problems);
