namespace Neaspec.Survey.Worker;

/// <summary>How the host runs the worker: on its schedule until stopped, or one run and exit.</summary>
public sealed record WorkerMode(bool Once);
