namespace Neaspec.Survey.Files.Connectivity;

/// <summary>What file mode did: either errors (and nothing written) or the runs written.</summary>
public sealed record ConnectivityFileReport(IReadOnlyList<InputError> Errors, IReadOnlyList<ConnectivityFileRun> Runs)
{
    /// <summary>True when the input was accepted and the outputs written.</summary>
    public bool Succeeded => Errors.Count == 0;
}
