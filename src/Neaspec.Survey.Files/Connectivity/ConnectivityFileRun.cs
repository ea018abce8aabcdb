using Neaspec.Survey.Connectivity;

namespace Neaspec.Survey.Files.Connectivity;

/// <summary>One analysis written by file mode.</summary>
/// <param name="DistanceKm">d0 of this run, null with an edges file.</param>
/// <param name="Directory">The folder holding its nodes.csv and summary.json.</param>
/// <param name="Result">The analysis.</param>
public sealed record ConnectivityFileRun(double? DistanceKm, string Directory, ConnectivityResult Result);
