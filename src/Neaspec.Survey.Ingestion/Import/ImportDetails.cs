namespace Neaspec.Survey.Ingestion.Import;

/// <summary>The part of an <see cref="ImportOutcome"/> only one kind of file has (provisional sites of a count
/// file, fixes flagged by speed, ...). Callers that show it match on the kind's record.</summary>
public abstract record ImportDetails;
