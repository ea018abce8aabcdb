namespace Neaspec.Survey.Ingestion.Sites;

/// <summary>A site the database knows: id, code and point.</summary>
public sealed record KnownSite(int Id, string Code, double Longitude, double Latitude);
