namespace Neaspec.Survey.Ingestion.Counts.Validate;

/// <summary>A valid count-survey row, species resolved, ready to stage.</summary>
public sealed record CountRow(
    long Line,
    string SiteCode,
    string? SiteName,
    string? Country,
    double? Latitude,
    double? Longitude,
    DateOnly Date,
    TimeOnly? Time,
    string Species,
    int? Individuals,
    string? CountType,
    string? Method,
    string? Observer,
    string? Notes)
{
    /// <summary>The reason a blank count was not counted: the notes, or a plain default.</summary>
    public string? NotCountedReason => Individuals is null ? (string.IsNullOrWhiteSpace(Notes) ? "not counted" : Notes) : null;
}
