using System.Globalization;
using System.Text;

namespace Neaspec.Survey.Ingestion.Counts;

/// <summary>Writes a deterministic count-survey CSV of any size over the sample sites (for benchmarks):
/// every site is counted daily for every species, with a seasonal curve and noise from a fixed seed.</summary>
public static class CountSampleGenerator
{
    private static readonly string[] SiteCodes =
    [
        "JP-IZM", "JP-HKB", "KR-SCB", "KR-CWN", "KR-HRE", "KR-GHW", "KP-MUN", "CN-YRD", "CN-PYL", "CN-SJL", "CN-ZLG",
        "TW-ZWE", "HK-MPO", "VN-XTH", "RU-KHL", "RU-MRV", "RU-DAU", "MN-KHR",
    ];

    // Written as field teams write them: scientific names and common names in the range languages.
    private static readonly string[] Species =
        ["Platalea minor", "흑두루미", "マナヅル", "Grus japonensis", "白琵鹭", "Grus grus", "Красавка", "Стерх", "Antigone canadensis"];

    private const int DaysPerRound = 12_000;

    /// <summary>Writes <paramref name="rows"/> rows to <paramref name="path"/>; returns the rows written.</summary>
    public static long Write(string path, long rows, int seed = 42)
    {
        var random = new Random(seed);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        writer.Write("site_code,date,time,species,count,count_type,method,observer,notes\n");
        var start = new DateOnly(1990, 1, 1);
        long written = 0;
        for (var day = 0; written < rows; day++)
        {
            // Dates stay in the past (an import refuses future ones): after 12,000 days (to 2022-11) the
            // calendar starts over an hour later in the morning, so every visit is still one of its own.
            var date = start.AddDays(day % DaysPerRound).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var time = $",{7 + (day / DaysPerRound):00}:00,";
            var season = Math.Cos(2 * Math.PI * (day % 365) / 365.0); // winter high, summer low
            foreach (var site in SiteCodes)
            {
                foreach (var species in Species)
                {
                    if (written == rows)
                    {
                        break;
                    }
                    var count = (int)Math.Max(0, 400 * (season + 1) * random.NextDouble());
                    writer.Write(site);
                    writer.Write(',');
                    writer.Write(date);
                    writer.Write(time);
                    writer.Write(species);
                    writer.Write(',');
                    writer.Write(count.ToString(CultureInfo.InvariantCulture));
                    writer.Write(",total,roost count at dawn,benchmark team,\n");
                    written++;
                }
            }
        }
        return written;
    }
}
