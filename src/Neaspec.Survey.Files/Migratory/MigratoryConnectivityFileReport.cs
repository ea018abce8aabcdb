using Neaspec.Survey.Connectivity;

namespace Neaspec.Survey.Files.Migratory;

/// <summary>Either the problems with the input (and nothing written) or the result written.</summary>
public sealed record MigratoryConnectivityFileReport(IReadOnlyList<InputError> Errors, MigratoryConnectivityFileResult? Result)
{
    /// <summary>True when the input was accepted and the outputs written.</summary>
    public bool Succeeded => Errors.Count == 0 && Result is not null;
}
