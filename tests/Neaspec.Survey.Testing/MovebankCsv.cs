using System.Globalization;
using System.Text;

namespace Neaspec.Survey.Testing;

/// <summary>Small Movebank CSV files of made-up tracks, for tests that import tracks with the real importer.</summary>
public static class MovebankCsv
{
    /// <summary>
    /// One individual's hourly fixes at a series of stays: each stay starts <c>OffsetHours</c> after
    /// <paramref name="start"/> and lasts <c>Hours</c> fixes at (<c>Lon</c>, <c>Lat</c>), the longitude jittered by
    /// 0 / 0.001 / 0.002 degrees (about 100 m) so the fixes are not all one point.
    /// </summary>
    public static string HourlyStays(string individual, string taxon, string study, DateTime start,
        params (int OffsetHours, int Hours, double Lon, double Lat)[] stays)
    {
        ArgumentNullException.ThrowIfNull(stays);
        var csv = new StringBuilder("event-id,visible,timestamp,location-long,location-lat,individual-taxon-canonical-name,individual-local-identifier,study-name\n");
        var id = 1;
        foreach (var (offset, hours, lon, lat) in stays)
        {
            for (var h = 0; h < hours; h++)
            {
                csv.Append(CultureInfo.InvariantCulture,
                    $"{id++},true,{start.AddHours(offset + h):yyyy-MM-dd HH:mm:ss.fff},{lon + (0.001 * (h % 3))},{lat},{taxon},{individual},{study}\n");
            }
        }
        return csv.ToString();
    }
}
