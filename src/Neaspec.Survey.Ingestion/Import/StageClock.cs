using System.Diagnostics;

namespace Neaspec.Survey.Ingestion.Import;

/// <summary>Times the stages of one load, one after the other.</summary>
public sealed class StageClock
{
    private readonly List<StageTiming> timings = [];
    private long started = Stopwatch.GetTimestamp();

    public IReadOnlyList<StageTiming> Timings => timings;

    /// <summary>Ends the stage that ran since the last lap (or since the clock was made).</summary>
    public void Lap(string stage)
    {
        var now = Stopwatch.GetTimestamp();
        timings.Add(new StageTiming(stage, Stopwatch.GetElapsedTime(started, now)));
        started = now;
    }
}
