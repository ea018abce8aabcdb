using Neaspec.Survey.Connectivity;

namespace Neaspec.Survey.Report.Tests;

/// <summary>Sites, counts and made-up GPS tracks for the telemetry path, which has no database table yet.</summary>
internal static class TelemetrySample
{
    public static readonly SeasonWindow Winter2025 = SeasonWindow.Of(SeasonWindow.Find("winter")!, 2025);

    public static readonly Dictionary<string, ReportSite> Sites = new(StringComparer.Ordinal)
    {
        ["JP-IZM"] = new("JP-IZM", new Dictionary<string, string> { ["en"] = "Izumi", ["ko"] = "이즈미" }, "JP", 130.27, 32.125),
        ["KR-SCB"] = new("KR-SCB", new Dictionary<string, string> { ["en"] = "Suncheon Bay" }, "KR", 127.51, 34.88),
        ["KR-CWN"] = new("KR-CWN", new Dictionary<string, string> { ["en"] = "Cheorwon", ["ko"] = "철원" }, "KR", 127.22, 38.25),
        ["CN-PYL"] = new("CN-PYL", new Dictionary<string, string> { ["en"] = "Poyang" }, "CN", 116.25, 29.15),
    };

    public static CountUsed Count(string site, string date, int? n) =>
        new(site, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), null, n, n is null ? "fog" : null, "f.csv", "ab", 2);

    public static readonly CountUsed[] Counts =
    [
        Count("JP-IZM", "2024-12-15", 14020),
        Count("JP-IZM", "2025-01-12", 13650),
        Count("KR-SCB", "2025-01-12", 6980),
        Count("KR-CWN", "2025-02-10", null),
        Count("CN-PYL", "2025-01-12", 0),
    ];

    /// <summary>Two-day stays (a fix every 6 h) of birds at sites, from (bird, site, arrival) triples.</summary>
    public static List<Fix> Stays(params (string Bird, string Site, string Arrival)[] stays)
    {
        var fixes = new List<Fix>();
        foreach (var (bird, site, arrival) in stays)
        {
            var start = DateTime.SpecifyKind(DateTime.Parse(arrival, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc);
            for (var h = 0; h <= 48; h += 6)
            {
                fixes.Add(new Fix(bird, start.AddHours(h), Sites[site].Longitude, Sites[site].Latitude));
            }
        }
        return fixes;
    }
}
