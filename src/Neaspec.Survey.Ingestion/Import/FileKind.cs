namespace Neaspec.Survey.Ingestion.Import;

/// <summary>What a file holds, as its first bytes and header line say (see <see cref="FileKindDetector"/>).</summary>
public enum FileKind
{
    /// <summary>Not a file any importer reads; <see cref="DetectedFile.Description"/> says why.</summary>
    Unknown,

    /// <summary>A count-survey CSV (canonical or Darwin Core header).</summary>
    Counts,

    /// <summary>Sites: CSV with site_code, name and point, or a GeoJSON FeatureCollection.</summary>
    Sites,

    /// <summary>Movebank event data (one row per GPS fix), plain or gzip.</summary>
    Tracks,

    /// <summary>Movebank reference data (animals, tags, deployments).</summary>
    Reference,

    /// <summary>Species and names for the catalogue (scientific_name, rank, name_*...): an admin's file.</summary>
    Species,
}
