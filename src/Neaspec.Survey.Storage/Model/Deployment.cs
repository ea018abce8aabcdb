namespace Neaspec.Survey.Storage.Model;

/// <summary>A tag worn by an individual from <see cref="DeployOn"/> until <see cref="DeployOff"/> (open
/// when null). From Movebank reference data.</summary>
public sealed class Deployment
{
    public long Id { get; set; }
    public int TagId { get; set; }
    public int IndividualId { get; set; }
    public DateTime? DeployOn { get; set; }
    public DateTime? DeployOff { get; set; }
    public long ImportId { get; set; }
}
