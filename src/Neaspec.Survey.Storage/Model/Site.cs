using NetTopologySuite.Geometries;

namespace Neaspec.Survey.Storage.Model;

/// <summary>A named place with a stable code, shared by counts and telemetry.</summary>
public sealed class Site
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string NameEn { get; set; }
    public string? NameZh { get; set; }
    public string? NameJa { get; set; }
    public string? NameKo { get; set; }
    public string? NameRu { get; set; }
    public string? NameMn { get; set; }
    /// <summary>ISO 3166-1 alpha-2.</summary>
    public required string CountryCode { get; set; }
    /// <summary>SRID 4326, X = longitude, Y = latitude.</summary>
    public required Point Location { get; set; }
    public Geometry? Area { get; set; }
    /// <summary>Created from an unknown code in a count file; an analyst confirms or merges it.</summary>
    public bool IsProvisional { get; set; }
    public long? CreatedByImportId { get; set; }
    /// <summary>Disturbed by visitors (a roost, a crane ground): shared data show it only generalised to a grid
    /// (see docs/sharing.md). Set by admins.</summary>
    public bool IsSensitive { get; set; }
}
