using System.CommandLine;
using Neaspec.Survey.Storage;
using Npgsql;
using Spectre.Console;

namespace Neaspec.Survey.Cli;

/// <summary>What every command shares: the --connection option, opening the database, and turning
/// expected failures into one clear line on stderr instead of a stack trace.</summary>
internal static class Cli
{
    public static readonly Option<string?> ConnectionOption = new("--connection")
    {
        Description = "Connection string of the survey database (overrides appsettings.json and NEASPEC_ConnectionStrings__Survey)",
        Recursive = true,
    };

    public static SurveyDatabase OpenDatabase(ParseResult parseResult)
    {
        var overrides = new Dictionary<string, string?>();
        var connection = parseResult.GetValue(ConnectionOption);
        if (!string.IsNullOrWhiteSpace(connection))
        {
            overrides["ConnectionStrings:Survey"] = connection;
        }
        var settings = SurveySettings.Load(overrides);
        return new SurveyDatabase(SurveySettings.ConnectionString(settings));
    }

    public static Microsoft.Extensions.Configuration.IConfigurationRoot Settings() => SurveySettings.Load();

    /// <summary>Runs a command body; known failures become one message and exit code 2. An unexpected
    /// failure prints its message too (the stack trace only with NEASPEC_DEBUG=1).</summary>
    public static async Task<int> RunAsync(Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (Exception ex)
        {
            Error(Describe(ex));
            if (Environment.GetEnvironmentVariable("NEASPEC_DEBUG") == "1")
            {
                Console.Error.WriteLine(ex);
            }
            return 2;
        }
    }

    /// <summary>The message a user needs for a failure, looking through wrappers (EF's retry strategy
    /// wraps connection failures).</summary>
    internal static string Describe(Exception ex)
    {
        for (var e = (Exception?)ex; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case SettingsException:
                    return e.Message;
                case PostgresException pg:
                    return $"database error {pg.SqlState}: {pg.MessageText}";
                case NpgsqlException when e.InnerException is System.Net.Sockets.SocketException or TimeoutException:
                    return $"cannot reach the database ({e.Message}: {e.InnerException.Message}). Is it running? Start the local one with scripts/postgis start.";
                case OperationCanceledException:
                    return "cancelled";
                case IOException or UnauthorizedAccessException:
                    return e.Message;
            }
        }
        return $"unexpected error ({ex.GetType().Name}): {ex.Message}";
    }

    public static void Error(string message) =>
        Console.Error.WriteLine($"neaspec: {message}");

    public static string Escape(string? text) => Markup.Escape(text ?? "");
}
