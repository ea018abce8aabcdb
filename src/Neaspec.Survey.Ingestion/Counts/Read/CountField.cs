namespace Neaspec.Survey.Ingestion.Counts.Read;

/// <summary>The fields of a count-survey row, and the header names (canonical and Darwin Core) that
/// name them. Matching ignores case and surrounding spaces.</summary>
public enum CountField
{
    SiteCode, SiteName, Country, Latitude, Longitude, Date, Time, Species, Count, CountType, Method, Observer, Notes,
}
