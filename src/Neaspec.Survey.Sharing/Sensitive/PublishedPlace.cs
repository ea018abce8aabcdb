namespace Neaspec.Survey.Sharing.Sensitive;

/// <summary>A location as an archive publishes it: exact, or generalised to a grid cell with the locality and
/// site code withheld and the generalisation said in <see cref="DataGeneralizations"/>.</summary>
public sealed record PublishedPlace(string? LocationId, string? Locality, double Latitude, double Longitude,
    double? UncertaintyMeters, string? DataGeneralizations, string? InformationWithheld)
{
    public bool IsGeneralised => DataGeneralizations is not null;
}
