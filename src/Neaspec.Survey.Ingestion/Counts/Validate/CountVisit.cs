namespace Neaspec.Survey.Ingestion.Counts.Validate;

/// <summary>One survey visit of a count file: its number in the file, site code, date, time, and the first
/// method and observer the file gives for it.</summary>
public sealed record CountVisit(int Number, string SiteCode, DateOnly Date, TimeOnly? Time, string? Method, string? Observer);
