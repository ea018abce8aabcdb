using NetTopologySuite.Geometries;

namespace Neaspec.Survey.Ingestion.Sites;

/// <summary>A valid site as a sites file describes it: code, names (English and by language code), ISO
/// country, point (SRID 4326) and optional area.</summary>
public sealed record SiteRecord(long Line, string Code, string NameEn, string Country, Point Location, Geometry? Area,
    IReadOnlyDictionary<string, string?> Names);
