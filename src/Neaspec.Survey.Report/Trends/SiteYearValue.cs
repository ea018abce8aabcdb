namespace Neaspec.Survey.Report.Trends;

/// <summary>One site in one year's window: the value the trend uses, and what it rests on.</summary>
/// <param name="Site">Site code.</param>
/// <param name="Year">The window's year (a window across the new year belongs to the year it ends in).</param>
/// <param name="Count">The largest count of the species at the site in the window; null when no survey in it counted
/// the species (every one "not counted"): a missing site-year, never 0.</param>
/// <param name="Counted">Surveys in the window that counted the species (a number, 0 included).</param>
/// <param name="NotCounted">Surveys in the window that did not count it (fog, no access).</param>
public sealed record SiteYearValue(string Site, int Year, int? Count, int Counted, int NotCounted);
