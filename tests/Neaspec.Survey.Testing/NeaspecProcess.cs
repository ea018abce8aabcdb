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
        using var process = Process.Start(psi)!;
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
}
