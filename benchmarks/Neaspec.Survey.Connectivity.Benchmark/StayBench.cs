using System.Diagnostics;
using System.Globalization;
using Neaspec.Survey.Connectivity;

/// <summary>
/// Stay detection on synthetic crane tracks: fixes every 5 min, stays of 10-40 days with a daily 8 h commute to a
/// feeding ground 14 km away, GPS scatter of about 200 m, an occasional single fix 25 km off and an occasional 30 h
/// silence, flights of 300-800 km at 50 km/h between stays. Tracks are made and searched one individual at a time,
/// so memory holds one track (the way a streaming reader would feed the detector).
/// </summary>
internal static class StayBench
{
    public const int FixesPerBird = 100_000;

    public static TrackFix[] Track(int bird, int fixes, out int trueStays)
    {
        var random = new Random(1000 + bird);
        var track = new TrackFix[fixes];
        var t = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(random.Next(60));
        var (lon, lat) = (120 + (10 * random.NextDouble()), 30 + (15 * random.NextDouble()));
        var i = 0;
        trueStays = 0;
        const double km = 1 / 111.195;
        while (i < fixes)
        {
            var stayStart = t;
            var stayEnd = t.AddDays(10 + random.Next(31));
            // The track's last stay counts when the fixes last for a day of it.
            trueStays += fixes - i > 24 * 12 ? 1 : 0;
            for (; i < fixes && t < stayEnd; i++, t = t.AddMinutes(5))
            {
                var feeding = t.Hour is >= 10 and < 18;
                var jitter = (random.NextDouble() - 0.5) * 0.4 * km;
                var excursion = random.Next(5000) == 0 ? 25 * km : 0;
                track[i] = new TrackFix(t, lon + jitter, lat + (feeding ? 14 * km : 0) + jitter + excursion);
                if (random.Next(20000) == 0 && t > stayStart.AddHours(24) && t.AddHours(30 + 24) < stayEnd && fixes - i > 48 * 12)
                {
                    t = t.AddHours(30); // the tag is silent: a stay never spans that, so two stays at one place
                    trueStays++;
                }
            }
            var heading = random.NextDouble() * 2 * Math.PI;
            var distance = 300 + (500 * random.NextDouble());
            var north = distance * km * Math.Sin(heading);
            // Turn back at 20 and 55 N rather than clamp, so every flight keeps its length (a clamped one could end
            // where it began and merge two stays).
            var toLat = lat + north is < 20 or > 55 ? lat - north : lat + north;
            var toLon = lon + (distance * km * Math.Cos(heading) / Math.Cos(lat * Math.PI / 180));
            var steps = (int)(distance / 50 * 12); // 50 km/h, a fix every 5 min
            for (var s = 1; s < steps && i < fixes; s++, i++, t = t.AddMinutes(5))
            {
                var f = (double)s / steps;
                track[i] = new TrackFix(t, lon + (f * (toLon - lon)), lat + (f * (toLat - lat)));
            }
            (lon, lat) = (toLon, toLat);
        }
        return track;
    }

    public static void Run(long totalFixes)
    {
        var birds = (int)Math.Max(1, totalFixes / FixesPerBird);
        StayDetector.Detect("warm-up", Track(0, 20_000, out _));
        long fixes = 0, stays = 0, truth = 0;
        var watch = Stopwatch.StartNew();
        for (var b = 0; b < birds; b++)
        {
            var track = Track(b, FixesPerBird, out var expected);
            stays += StayDetector.Detect($"bird-{b}", track).Count;
            fixes += track.Length;
            truth += expected;
        }
        var seconds = watch.Elapsed.TotalSeconds;
        var peakMb = PeakRssMb();

        // Baseline in the same run: the old radius-and-duration rule on the first fixes of one bird.
        const int baselineFixes = 4_000;
        var sample = Track(0, baselineFixes, out _);
        var w2 = Stopwatch.StartNew();
        var oldCount = OldStopoverRule.Count(sample);
        var oldSeconds = w2.Elapsed.TotalSeconds;
        var w3 = Stopwatch.StartNew();
        var newCount = StayDetector.Detect("b", sample).Count;
        var newSeconds = Math.Max(w3.Elapsed.TotalSeconds, 1e-6);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"stays: {fixes:N0} fixes of {birds} birds (5-min fixes, generated one bird at a time, generation included) in {seconds:F1} s = {fixes / seconds:N0} fixes/s; peak RSS {peakMb:F0} MB; {stays:N0} stays (the generator made {truth:N0}, counting a stay split by a 30 h silence as two)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"baseline, old radius-and-duration rule on {baselineFixes:N0} fixes of one bird: {oldSeconds:F2} s ({oldCount} stopovers) vs {newSeconds:F4} s ({newCount} stays): {oldSeconds / newSeconds:F0}x"));
    }

    /// <summary>Old rule and stays on the issue's tracks: the numbers of docs/connectivity.md.</summary>
    public static void Compare()
    {
        var t0 = new DateTime(2025, 10, 1, 18, 0, 0, DateTimeKind.Utc);
        const double km = 1 / 111.195;
        var commute = Enumerable.Range(0, (60 * 24) - 8)
            .Select(h => t0.AddHours(h))
            .Select(t => new TrackFix(t, 127.5, 34.9 + (t.Hour is >= 10 and <= 17 ? 14 * km : 0))).ToArray();
        var excursion = Enumerable.Range(0, 41).Select(h => new TrackFix(t0.AddHours(h), 127.5, 34.9 + (h == 20 ? 25 * km : 0))).ToArray();
        TrackFix[] gap = [new(t0, 127.5, 34.9), new(t0.AddDays(10), 127.5, 34.9)];
        var minutes = Enumerable.Range(0, 6).SelectMany(s => Enumerable.Range(0, 1380)
            .Select(m => new TrackFix(t0.AddHours(24 * s).AddMinutes(m), 127.5, 34.9 + (300 * s * km)))).ToArray();
        Console.WriteLine("track                                              fixes   old rule   stays   truth");
        foreach (var (name, track, truth, runOld) in new[]
        {
            ("60 days, 16 h roost + 8 h feeding 14 km away", commute, 1, true),
            ("40 h, one fix 25 km off at hour 20", excursion, 1, true),
            ("two fixes ten days apart", gap, 0, true),
            ("six 23 h stays of one-minute fixes", minutes, 0, false),
        })
        {
            var old = runOld ? OldStopoverRule.Count(track).ToString(CultureInfo.InvariantCulture) : "(98 s)";
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name,-50} {track.Length,5}   {old,8}   {StayDetector.Detect("x", track).Count,5}   {truth,5}"));
        }
    }

    private static double PeakRssMb()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
            }
        }
        return double.NaN;
    }
}
