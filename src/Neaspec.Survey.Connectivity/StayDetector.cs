namespace Neaspec.Survey.Connectivity;

/// <summary>
/// Finds stays in GPS tracks: sequential spatio-temporal clustering of a time-ordered track with an excursion
/// tolerance and a maximum gap. Linear in the number of fixes per individual.
/// </summary>
/// <remarks>
/// Per individual, outliers dropped and fixes in time order:
/// <list type="number">
/// <item>Fixes are averaged into steps of <see cref="StayOptions.TimeStep"/> (1 h): the spherical centroid of the fixes
/// of the step. A step never spans a gap longer than <see cref="StayOptions.MaxGap"/>. Steps make the result independent
/// of the fix rate (one-minute bursts weigh as much as hourly fixes) and bound the work below.</item>
/// <item>A stay starts at a step. Each following step whose position lies within <see cref="StayOptions.RadiusKm"/> of the
/// stay's centre (the centroid of its steps so far) joins it and moves the centre. Steps outside the radius are an
/// excursion; when the bird comes back within the radius before <see cref="StayOptions.MaxExcursion"/> has passed since
/// its last step inside, the excursion belongs to the stay and the stay goes on: residence in a circle with excursions
/// shorter than a time threshold not ending the residence, as in Barraquand &amp; Benhamou (2008, Ecology 89:3336),
/// applied as a sequential clustering with a spatial and a temporal threshold as in ST-DBSCAN (Birant &amp; Kut 2007,
/// Data &amp; Knowledge Engineering 60:208).</item>
/// <item>The stay ends at its last step inside when the excursion lasts longer, when two consecutive fixes lie further
/// apart than <see cref="StayOptions.MaxGap"/> (a new burst, as amt's track_resample splits a track: Signer, Fieberg &amp;
/// Avgar 2019, Ecology and Evolution 9:880), or when the track ends. It is kept when its first and last fix are at least
/// <see cref="StayOptions.MinimumDuration"/> apart. The search resumes at the first step of the unfinished excursion
/// (or after the gap), so the next stay may begin there.</item>
/// </list>
/// Work: the search only goes back to the start of an excursion, which spans at most MaxExcursion / TimeStep + 1
/// steps, so each step is looked at a bounded number of times (about 25 with the defaults): O(n) per individual after
/// sorting.
/// </remarks>
public static class StayDetector
{
    /// <summary>Stays of all individuals, ordered by individual (ordinal) then arrival. Any input order.</summary>
    public static IReadOnlyList<Stay> Detect(IEnumerable<Fix> fixes, StayOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(fixes);
        options ??= new StayOptions();
        options.Check();
        var stays = new List<Stay>();
        foreach (var track in fixes.Where(f => !f.Outlier).GroupBy(f => f.Individual, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var ordered = track.Select(f => new TrackFix(f.Timestamp, f.Longitude, f.Latitude)).ToArray();
            Array.Sort(ordered, (x, y) => x.Timestamp.CompareTo(y.Timestamp));
            stays.AddRange(Detect(track.Key, ordered, options));
        }
        return stays;
    }

    /// <summary>Stays of one individual whose fixes (outliers already removed) are in time order.</summary>
    /// <exception cref="ArgumentException">The fixes are not in time order.</exception>
    public static IReadOnlyList<Stay> Detect(string individual, TrackFix[] track, StayOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(individual);
        ArgumentNullException.ThrowIfNull(track);
        options ??= new StayOptions();
        options.Check();
        for (var i = 1; i < track.Length; i++)
        {
            if (track[i].Timestamp < track[i - 1].Timestamp)
            {
                throw new ArgumentException($"Fixes of '{individual}' are not in time order at index {i}.", nameof(track));
            }
        }
        var steps = Steps.Of(track, options);
        var found = new List<(int First, int Last, SphereVector Centre, int Excursions)>();
        var k = 0;
        while (k < steps.Count)
        {
            var (first, lastInside, centre, excursions, resume) = Grow(steps, k, options);
            if (track[steps.LastFix[lastInside]].Timestamp - track[steps.FirstFix[first]].Timestamp >= options.MinimumDuration)
            {
                found.Add((first, lastInside, centre, excursions));
            }
            k = resume;
        }
        return ToStays(individual, track, steps, found, options);
    }

    /// <summary>One stay grown from step <paramref name="start"/>; resume is where the search goes on.</summary>
    private static (int First, int LastInside, SphereVector Centre, int Excursions, int Resume) Grow(Steps steps, int start, StayOptions options)
    {
        var sum = steps.Position[start];
        var centre = sum;
        var lastInside = start;
        var pending = -1; // first step of an excursion not (yet) back inside
        var excursions = 0;
        for (var next = start + 1; next < steps.Count; next++)
        {
            if (steps.FirstTime(next) - steps.LastTime(next - 1) > options.MaxGap)
            {
                return (start, lastInside, centre, excursions, pending >= 0 ? pending : next);
            }
            if (pending >= 0 && steps.FirstTime(next) - steps.LastTime(lastInside) > options.MaxExcursion)
            {
                return (start, lastInside, centre, excursions, pending);
            }
            if (centre.DistanceKm(steps.Position[next]) <= options.RadiusKm)
            {
                sum += steps.Position[next];
                centre = sum.Normalised();
                lastInside = next;
                if (pending >= 0)
                {
                    excursions++;
                    pending = -1;
                }
            }
            else if (pending < 0)
            {
                pending = next;
            }
        }
        return (start, lastInside, centre, excursions, pending >= 0 ? pending : steps.Count);
    }

    private static List<Stay> ToStays(string individual, TrackFix[] track, Steps steps,
        List<(int First, int Last, SphereVector Centre, int Excursions)> found, StayOptions options)
    {
        var stays = new List<Stay>(found.Count);
        var previousEnd = -1;
        foreach (var (first, last, centre, excursions) in found)
        {
            // Arrival and departure to the fix: the first and last fix of the end steps within the radius.
            var from = steps.FirstFix[first];
            for (var i = from; i <= steps.LastFix[first]; i++)
            {
                if (centre.DistanceKm(SphereVector.Of(track[i].Longitude, track[i].Latitude)) <= options.RadiusKm)
                {
                    from = i;
                    break;
                }
            }
            var to = steps.LastFix[last];
            for (var i = to; i >= steps.FirstFix[last]; i--)
            {
                if (centre.DistanceKm(SphereVector.Of(track[i].Longitude, track[i].Latitude)) <= options.RadiusKm)
                {
                    to = i;
                    break;
                }
            }
            var afterGap = false;
            if (previousEnd >= 0)
            {
                for (var i = previousEnd + 1; i <= from && !afterGap; i++)
                {
                    afterGap = track[i].Timestamp - track[i - 1].Timestamp > options.MaxGap;
                }
            }
            var (lon, lat) = centre.ToLonLat();
            stays.Add(new Stay(individual, track[from].Timestamp, track[to].Timestamp, lon, lat,
                new ArraySegment<TrackFix>(track, from, to - from + 1), excursions, afterGap));
            previousEnd = to;
        }
        return stays;
    }

    /// <summary>The track averaged into time steps: for each, its fix range and spherical centroid.</summary>
    private sealed class Steps
    {
        private readonly TrackFix[] track;

        private Steps(TrackFix[] track) => this.track = track;

        public List<int> FirstFix { get; } = [];

        public List<int> LastFix { get; } = [];

        public List<SphereVector> Position { get; } = [];

        public int Count => FirstFix.Count;

        public DateTime FirstTime(int step) => track[FirstFix[step]].Timestamp;

        public DateTime LastTime(int step) => track[LastFix[step]].Timestamp;

        public static Steps Of(TrackFix[] track, StayOptions options)
        {
            var steps = new Steps(track);
            var i = 0;
            while (i < track.Length)
            {
                var start = i;
                var sum = SphereVector.Of(track[i].Longitude, track[i].Latitude);
                i++;
                while (i < track.Length && track[i].Timestamp - track[start].Timestamp < options.TimeStep
                    && track[i].Timestamp - track[i - 1].Timestamp <= options.MaxGap)
                {
                    sum += SphereVector.Of(track[i].Longitude, track[i].Latitude);
                    i++;
                }
                steps.FirstFix.Add(start);
                steps.LastFix.Add(i - 1);
                steps.Position.Add(sum.Normalised());
            }
            return steps;
        }
    }
}
