namespace Neaspec.Survey.Report;

/// <summary>One count of the species in the season window, as stored, with the file it came from.</summary>
/// <param name="SiteCode">Site code.</param>
/// <param name="Date">Survey date.</param>
/// <param name="Time">Survey time, when recorded.</param>
/// <param name="Individuals">Individuals, or null when not counted.</param>
/// <param name="NotCountedReason">Why it was not counted.</param>
/// <param name="File">Original name of the imported file.</param>
/// <param name="Sha256">SHA-256 of the imported file.</param>
/// <param name="Line">Line of the count in that file.</param>
public sealed record CountUsed(string SiteCode, DateOnly Date, TimeOnly? Time, int? Individuals, string? NotCountedReason,
    string File, string Sha256, int Line);
