using Microsoft.Extensions.Configuration;

namespace Neaspec.Survey.Storage;

/// <summary>Settings come from <c>appsettings.json</c>, then the environment (<c>NEASPEC_</c> prefix, e.g.
/// <c>NEASPEC_ConnectionStrings__Survey</c>), then explicit overrides (CLI options), each overriding the
/// one before.</summary>
public static class SurveySettings
{
    public const string EnvironmentPrefix = "NEASPEC_";

    public static IConfigurationRoot Load(IEnumerable<KeyValuePair<string, string?>>? overrides = null) =>
        new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables(EnvironmentPrefix)
            .AddInMemoryCollection(overrides ?? [])
            .Build();

    /// <summary>The survey database's connection string, or a message saying where to set it.</summary>
    public static string ConnectionString(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var value = configuration.GetConnectionString("Survey");
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new SettingsException(
                "No database connection string: set ConnectionStrings:Survey in appsettings.json, " +
                "NEASPEC_ConnectionStrings__Survey in the environment, or pass --connection.");
        }
        return value;
    }
}
