using System.Diagnostics;

namespace Neaspec.Survey.Testing;

/// <summary>Runs the neaspec program as a user does — a separate process of the neaspec.dll that the test
/// project's build copied beside the tests — and returns its exit code and output.</summary>
public static class NeaspecProcess
{
    /// <param name="connection">Passed as --connection when given.</param>
    /// <param name="args">The command line after the connection.</param>
    /// <param name="configure">Environment or working directory for this run.</param>
    /// <param name="stdin">Text typed at the program's prompt; standard input is closed after it.</param>
    public static async Task<(int Code, string Out, string Err)> RunAsync(string? connection, IEnumerable<string> args,
        Action<ProcessStartInfo>? configure = null, string? stdin = null)
    {
        using var process = Process.Start(StartInfo(connection, args, configure))!;
        if (stdin is not null)
        {
            await process.StandardInput.WriteLineAsync(stdin);
        }
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Runs the program as <see cref="RunAsync"/> does and reads its peak resident memory
    /// (VmHWM in /proc/PID/status, which the kernel keeps as a high-water mark) every 20 ms while it runs.
    /// A process whose peak passes <paramref name="ceilingBytes"/> is killed at once and reported with
    /// <c>Killed</c> set, so a test of a memory bound never waits for a runaway to finish.</summary>
    public static async Task<(int Code, string Out, string Err, long PeakBytes, bool Killed)> RunMeasuredAsync(string? connection,
        IEnumerable<string> args, long ceilingBytes, Action<ProcessStartInfo>? configure = null)
    {
        using var process = Process.Start(StartInfo(connection, args, configure))!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var status = $"/proc/{process.Id}/status";
        long peak = 0;
        var killed = false;
        while (!process.HasExited)
        {
            peak = Math.Max(peak, HighWaterMark(status));
            if (peak > ceilingBytes && !killed)
            {
                killed = true;
                process.Kill(entireProcessTree: true);
            }
            await Task.WhenAny(process.WaitForExitAsync(), Task.Delay(20));
        }
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr, peak, killed);
    }

    /// <summary>VmHWM of a running process in bytes (0 once it is gone).</summary>
    private static long HighWaterMark(string statusPath)
    {
        try
        {
            var line = File.ReadLines(statusPath).FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line[6..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    private static ProcessStartInfo StartInfo(string? connection, IEnumerable<string> args, Action<ProcessStartInfo>? configure)
    {
        ArgumentNullException.ThrowIfNull(args);
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "neaspec.dll"));
        if (connection is not null)
        {
            psi.ArgumentList.Add("--connection");
            psi.ArgumentList.Add(connection);
        }
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        configure?.Invoke(psi);
        return psi;
    }
}
