using Microsoft.Extensions.Time.Testing;

namespace Neaspec.Survey.Worker.Tests.TestUtilities;

/// <summary>A fake clock that also says when a timer is set on it: the worker has worked out its next run
/// and waits for it. A test moves the clock only then, so it never races the worker and never waits on
/// the wall clock.</summary>
public sealed class ObservedTimeProvider(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly SemaphoreSlim timersSet = new(0);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        timersSet.Release();
        return timer;
    }

    /// <summary>Completes when a timer not waited for before has been set.</summary>
    public Task TimerSetAsync() => timersSet.WaitAsync();
}
