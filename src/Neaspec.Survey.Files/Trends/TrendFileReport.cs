using Neaspec.Survey.Trends;

namespace Neaspec.Survey.Files.Trends;

/// <summary>What file mode did: errors and nothing written, or the result and the files written.</summary>
/// <param name="Errors">Why the input was refused.</param>
/// <param name="Result">The fitted trend when the input was accepted.</param>
/// <param name="Written">The files written.</param>
public sealed record TrendFileReport(IReadOnlyList<InputError> Errors, TrendResult? Result, IReadOnlyList<string> Written)
{
    /// <summary>True when the input was accepted and the outputs written.</summary>
    public bool Succeeded => Errors.Count == 0 && Result is not null;
}
