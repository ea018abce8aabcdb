namespace Neaspec.Survey.Ingestion.Import;

/// <summary>How long one stage of a load took (<c>NEASPEC_TIMINGS=1</c> prints them).</summary>
public readonly record struct StageTiming(string Stage, TimeSpan Took);
