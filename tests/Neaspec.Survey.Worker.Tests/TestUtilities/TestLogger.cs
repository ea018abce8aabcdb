using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Neaspec.Survey.Worker.Tests.TestUtilities;

/// <summary>Keeps what the worker logs, so a test can check what an operator would read.</summary>
public sealed class TestLogger<T> : ILogger<T>
{
    private readonly ConcurrentQueue<string> lines = new();
    private readonly List<(string Fragment, TaskCompletionSource Logged)> waiting = [];

    public IReadOnlyList<string> Lines => [.. lines];

    public string Text => string.Join('\n', lines);

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        var line = $"{logLevel}: {formatter(state, exception)}";
        lines.Enqueue(line);
        lock (waiting)
        {
            foreach (var w in waiting.Where(w => line.Contains(w.Fragment, StringComparison.Ordinal)).ToList())
            {
                w.Logged.TrySetResult();
                waiting.Remove(w);
            }
        }
    }

    /// <summary>Completes when a line containing <paramref name="fragment"/> is logged (or was already).</summary>
    public Task LoggedAsync(string fragment)
    {
        lock (waiting)
        {
            if (lines.Any(l => l.Contains(fragment, StringComparison.Ordinal)))
            {
                return Task.CompletedTask;
            }
            var logged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiting.Add((fragment, logged));
            return logged.Task;
        }
    }
}
