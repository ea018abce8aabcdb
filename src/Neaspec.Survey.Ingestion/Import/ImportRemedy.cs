namespace Neaspec.Survey.Ingestion.Import;

/// <summary>Ways out of a rejection that the sender of a file can take. Callers word them for their people:
/// the CLI names its options, the portal its form fields, the worker its settings.</summary>
[Flags]
public enum ImportRemedy
{
    None = 0,

    /// <summary>The file has good rows: loading them and leaving the bad ones (status partial) is possible.</summary>
    AcceptPartial = 1,

    /// <summary>The file names tags, not animals: Movebank reference data (deployments) would link them.</summary>
    ReferenceData = 2,
}
