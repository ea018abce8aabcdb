using System.Globalization;
using System.IO.Compression;
using System.Text;
using Neaspec.Survey.Ingestion.Sites;

namespace Neaspec.Survey.Ingestion.Tracks;

/// <summary>Writes a deterministic Movebank-style tracks file of flagship cranes and spoonbills moving
/// between real wintering, stopover and breeding sites of the flyway: hourly GPS fixes, stays with
/// a few km of scatter, straight flights at 40–60 km/h, about 0.5% rows without a fix and 0.1% GPS
/// spikes (which the speed filter should flag). Same seed and count, same bytes.</summary>
public static class TrackGenerator
{
    private sealed record Site(string Name, double Lat, double Lon);

    private static readonly Site Izumi = new("Izumi", 32.09, 130.35);
    private static readonly Site Suncheon = new("Suncheon Bay", 34.85, 127.50);
    private static readonly Site Cheorwon = new("Cheorwon", 38.25, 127.25);
    private static readonly Site HanEstuary = new("Han River estuary", 37.75, 126.65);
    private static readonly Site Poyang = new("Poyang Lake", 29.10, 116.25);
    private static readonly Site Shengjin = new("Shengjin Lake", 30.35, 117.05);
    private static readonly Site YellowRiver = new("Yellow River Delta", 37.75, 119.15);
    private static readonly Site Tainan = new("Tainan Zengwen estuary", 23.05, 120.05);
    private static readonly Site MaiPo = new("Mai Po", 22.49, 114.03);
    private static readonly Site Khanka = new("Khanka Lake", 45.0, 132.4);
    private static readonly Site Muraviovka = new("Muraviovka", 49.9, 127.7);
    private static readonly Site Khurkh = new("Khurkh valley", 48.3, 110.5);
    private static readonly Site Dauria = new("Daurian reserve", 49.9, 115.5);

    // Species as a partner's file writes them: the white-naped crane under its old name, as many
    // Movebank studies still do, so imports exercise the catalogue's synonyms.
    private static readonly (string Taxon, string Code, Site[] Route)[] Flyways =
    [
        ("Grus monacha", "HC", [Izumi, Suncheon, Cheorwon, Muraviovka]),
        ("Grus monacha", "HC", [Shengjin, YellowRiver, Khanka, Muraviovka]),
        ("Grus vipio", "WNC", [Izumi, Cheorwon, Khanka, Dauria]),
        ("Grus vipio", "WNC", [Poyang, YellowRiver, Dauria, Khurkh]),
        ("Platalea minor", "BFS", [Tainan, YellowRiver, HanEstuary]),
        ("Platalea minor", "BFS", [MaiPo, Tainan, HanEstuary]),
    ];

    public const string Header =
        "event-id,visible,timestamp,location-long,location-lat,gps:hdop,gps:satellite-count,ground-speed,heading," +
        "sensor-type,individual-taxon-canonical-name,tag-local-identifier,individual-local-identifier,study-name";

    /// <summary>Writes <paramref name="fixes"/> data rows to <paramref name="path"/> (gzip when it ends in .gz).</summary>
    public static void Write(string path, long fixes, int seed = 1, DateTime? start = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentOutOfRangeException.ThrowIfNegative(fixes);
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(file, CompressionLevel.Fastest) : file;
        using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 20) { NewLine = "\n" };
        Write(writer, fixes, seed, start);
    }

    /// <summary>Writes the file to <paramref name="writer"/>; tracks begin in the 20 days after
    /// <paramref name="start"/> (default 1 October 2024, UTC).</summary>
    public static void Write(TextWriter writer, long fixes, int seed = 1, DateTime? start = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var random = new Random(seed);
        writer.WriteLine(Header);
        const int perIndividual = 24 * 365; // a year of hourly fixes
        var individuals = (int)Math.Max(1, (fixes + perIndividual - 1) / perIndividual);
        // Event ids differ between seeds, so files of two seeds are different fixes, not duplicates.
        var eventId = 1_000_000_000L + (seed % 1_000_000) * 1_000_000_000_000L;
        long written = 0;
        var line = new StringBuilder(256);
        for (var n = 0; n < individuals && written < fixes; n++)
        {
            var count = Math.Min(perIndividual, fixes - written);
            WriteIndividual(writer, line, random, n, count, start ?? new DateTime(2024, 10, 1), ref eventId);
            written += count;
        }
    }

    /// <summary>A year of one bird: winter at its route's first site, then north through the stopovers to the
    /// breeding site and back, a stay of some days at each; hourly fixes, a few without a fix or a spike.</summary>
    private static void WriteIndividual(TextWriter writer, StringBuilder line, Random random, int n, long count, DateTime start,
        ref long eventId)
    {
        var inv = CultureInfo.InvariantCulture;
        var (taxon, code, route) = Flyways[n % Flyways.Length];
        var individual = $"{code}-{n + 1:D4}";
        var tag = (7001 + n).ToString(inv);
        var time = DateTime.SpecifyKind(start, DateTimeKind.Utc).AddMinutes(random.Next(0, 60)).AddDays(random.Next(0, 20));
        var stops = route.Concat(route.Reverse().Skip(1)).ToArray();
        var flight = new Flight(stops, TimeSpan.FromDays(365.0 / stops.Length * 0.8), time, 40 + random.NextDouble() * 20);
        for (var i = 0; i < count; i++)
        {
            var (tLat, tLon) = flight.At(time, random);
            line.Clear();
            var noFix = random.NextDouble() < 0.005;
            var spike = !noFix && random.NextDouble() < 0.001;
            if (spike)
            {
                tLat += 1.5 + random.NextDouble();
                tLon -= 1.5 + random.NextDouble();
            }
            line.Append(eventId++).Append(",true,").Append(time.ToString("yyyy-MM-dd HH:mm:ss.fff", inv)).Append(',');
            if (noFix)
            {
                line.Append(",,,,,,");
            }
            else
            {
                line.Append(tLon.ToString("F7", inv)).Append(',').Append(tLat.ToString("F7", inv)).Append(',')
                    .Append((0.6 + random.NextDouble() * 2).ToString("F1", inv)).Append(',')
                    .Append(random.Next(4, 14)).Append(',')
                    .Append((random.NextDouble() * 15).ToString("F2", inv)).Append(',')
                    .Append(random.Next(0, 360)).Append(',');
            }
            line.Append("\"gps\",\"").Append(taxon).Append("\",\"").Append(tag).Append("\",\"").Append(individual)
                .Append("\",\"NEASPEC synthetic flyway tracks\"");
            writer.WriteLine(line);
            time = time.AddHours(1).AddSeconds(random.Next(-5, 6));
        }
    }

    /// <summary>Where a bird is along its year's stops: scattered around a stop while it stays, else an hour's
    /// flight closer to the next one, arriving when that is within an hour's flight.</summary>
    private sealed class Flight(Site[] stops, TimeSpan stay, DateTime start, double speedKmh)
    {
        private double lat = stops[0].Lat;
        private double lon = stops[0].Lon;
        private int stop;
        private DateTime stayUntil = start + stay;

        public (double Lat, double Lon) At(DateTime time, Random random)
        {
            var site = stops[stop];
            if (time < stayUntil || stop == stops.Length - 1)
            {
                lat = site.Lat + (random.NextDouble() - 0.5) * 0.04;
                lon = site.Lon + (random.NextDouble() - 0.5) * 0.05;
                return (lat, lon);
            }
            var next = stops[stop + 1];
            var km = Km(lat, lon, next.Lat, next.Lon);
            if (km <= speedKmh)
            {
                (lat, lon) = (next.Lat, next.Lon);
                stop++;
                stayUntil = time + stay;
            }
            else
            {
                var f = speedKmh / km;
                lat += (next.Lat - lat) * f;
                lon += (next.Lon - lon) * f;
            }
            return (lat, lon);
        }
    }

    // The generator's sphere (R = 6371 km): the files it wrote before stay the same bytes.
    private static double Km(double lat1, double lon1, double lat2, double lon2) => Geodesy.HaversineMeters(lat1, lon1, lat2, lon2, 6371.0);
}
