using Neaspec.Survey.Storage;

namespace Neaspec.Survey.Worker;

/// <summary>The <c>Worker:Retry</c> settings: how transient database faults are ridden out.</summary>
public sealed class RetryOptions
{
    /// <summary>Retries of one file's import after a transient fault (the first try not counted).</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Median delay before the first retry; doubles each retry, with jitter.</summary>
    public double BaseDelaySeconds { get; set; } = 2;

    public double MaxDelaySeconds { get; set; } = 30;

    /// <summary>The breaker opens when at least half of this many calls in the sampling window failed.</summary>
    public int BreakerMinimumThroughput { get; set; } = 6;

    public double BreakerSamplingSeconds { get; set; } = 120;

    /// <summary>How long an open breaker fails every call at once.</summary>
    public double BreakDurationSeconds { get; set; } = 300;

    public void Validate()
    {
        if (MaxAttempts < 0 || BaseDelaySeconds <= 0 || MaxDelaySeconds < BaseDelaySeconds || BreakerMinimumThroughput < 2
            || BreakerSamplingSeconds < 0.5 || BreakDurationSeconds < 0.5)
        {
            throw new SettingsException(
                "Worker:Retry: MaxAttempts >= 0, BaseDelaySeconds > 0, MaxDelaySeconds >= BaseDelaySeconds, " +
                "BreakerMinimumThroughput >= 2, BreakerSamplingSeconds and BreakDurationSeconds >= 0.5.");
        }
    }
}
