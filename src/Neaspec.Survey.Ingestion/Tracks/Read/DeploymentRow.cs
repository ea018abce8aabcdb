namespace Neaspec.Survey.Ingestion.Tracks.Read;

/// <summary>One row of Movebank reference data: a tag on an animal from deploy-on until deploy-off.</summary>
public sealed record DeploymentRow(string Tag, string Animal, string? Taxon, DateTime? DeployOn, DateTime? DeployOff, long Line);
