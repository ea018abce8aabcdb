namespace Neaspec.Survey.Files.Migratory;

/// <summary>One line of an individuals file: a bird with its origin and target region (indices into the regions
/// of the run) and, when the file has them, its origin and target points.</summary>
internal sealed record TrackedIndividual(string Id, int Line, int Origin, int Target,
    (double Longitude, double Latitude)? OriginPoint, (double Longitude, double Latitude)? TargetPoint);
