using Microsoft.Extensions.Logging;
using Npgsql;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace Neaspec.Survey.Worker;

/// <summary>How the worker rides out transient database faults (connection lost, server restarting, too
/// many connections): retry with exponential backoff and jitter, inside a circuit breaker so a database
/// that stays down ends the run quickly instead of retrying file after file.</summary>
public static class DatabaseResilience
{
    /// <summary>Npgsql's own verdict, looked for through wrappers (an importer may wrap the fault).</summary>
    public static bool IsTransient(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is NpgsqlException { IsTransient: true })
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The database is gone for this run: retries used up, or the breaker is open.</summary>
    public static bool IsDatabaseDown(Exception exception) =>
        exception is BrokenCircuitException || IsTransient(exception);

    public static ResiliencePipeline Create(RetryOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        // An open breaker is not retried (it wraps the last fault, which is transient): it means the
        // database stays down, and the run ends.
        var transient = new PredicateBuilder().Handle<Exception>(e => e is not BrokenCircuitException && IsTransient(e));
        return new ResiliencePipelineBuilder()
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = transient,
                MaxRetryAttempts = options.MaxAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromSeconds(options.BaseDelaySeconds),
                MaxDelay = TimeSpan.FromSeconds(options.MaxDelaySeconds),
                OnRetry = args =>
                {
                    logger.LogWarning("database fault ({Fault}); retry {Attempt} of {Max} in {Delay:0.0} s",
                        Describe(args.Outcome.Exception), args.AttemptNumber + 1, options.MaxAttempts, args.RetryDelay.TotalSeconds);
                    return ValueTask.CompletedTask;
                },
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = transient,
                FailureRatio = 0.5,
                MinimumThroughput = options.BreakerMinimumThroughput,
                SamplingDuration = TimeSpan.FromSeconds(options.BreakerSamplingSeconds),
                BreakDuration = TimeSpan.FromSeconds(options.BreakDurationSeconds),
                OnOpened = args =>
                {
                    logger.LogError("database unavailable: circuit open for {Duration:0} s ({Fault})",
                        args.BreakDuration.TotalSeconds, Describe(args.Outcome.Exception));
                    return ValueTask.CompletedTask;
                },
                OnClosed = _ =>
                {
                    logger.LogInformation("database reachable again: circuit closed");
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    /// <summary>The innermost useful message of a fault, for one log line.</summary>
    public static string Describe(Exception? exception)
    {
        if (exception is null)
        {
            return "no exception";
        }
        if (exception is BrokenCircuitException)
        {
            return "circuit open: the database failed repeatedly";
        }
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException pg)
            {
                return $"{pg.SqlState}: {pg.MessageText}";
            }
        }
        var inner = exception;
        while (inner.InnerException is not null)
        {
            inner = inner.InnerException;
        }
        return inner == exception ? exception.Message : $"{exception.Message} ({inner.Message})";
    }
}
