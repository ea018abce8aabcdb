using System.Globalization;

namespace Neaspec.Survey.Sharing;

/// <summary>The natural keys the stable identifiers are made from (docs/sharing.md lists them): what
/// identifies a record in the data itself, never a database serial id. A survey is a site (by code) on a
/// date at a time; a count is a species in a survey; a fix is an individual of a study at a time (and its
/// Movebank event id, when it has one, since two records of one time may differ by it).</summary>
public static class NaturalKeys
{
    /// <summary><c>survey|SITE-CODE|yyyy-MM-dd|HH:mm:ss</c> (time empty when the survey has none).</summary>
    public static string Survey(string siteCode, DateOnly date, TimeOnly? time)
    {
        ArgumentNullException.ThrowIfNull(siteCode);
        return string.Create(CultureInfo.InvariantCulture,
            $"survey|{siteCode.Trim().ToUpperInvariant()}|{date:yyyy-MM-dd}|{(time is { } t ? t.ToString("HH:mm:ss", CultureInfo.InvariantCulture) : "")}");
    }

    /// <summary><c>count|SITE-CODE|yyyy-MM-dd|HH:mm:ss|Scientific name</c>.</summary>
    public static string Count(string siteCode, DateOnly date, TimeOnly? time, string scientificName) =>
        string.Concat("count", Survey(siteCode, date, time).AsSpan("survey".Length), "|", scientificName);

    /// <summary><c>fix|study|individual|yyyy-MM-ddTHH:mm:ss.fffZ|event-id</c> (event id empty when none).</summary>
    public static string Fix(string study, string individual, DateTime observedAtUtc, long? eventId) =>
        string.Create(CultureInfo.InvariantCulture,
            $"fix|{study}|{individual}|{observedAtUtc:yyyy-MM-dd'T'HH:mm:ss.fff'Z'}|{eventId}");
}
