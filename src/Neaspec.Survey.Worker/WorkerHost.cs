using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Neaspec.Survey.Ingestion.Import;
using Neaspec.Survey.Storage;

namespace Neaspec.Survey.Worker;

/// <summary>Builds the Generic Host that runs the worker: settings from the survey configuration
/// (appsettings.json, NEASPEC_ environment, CLI overrides), one-line console logs (journald priorities
/// under systemd, which also gets start-up and stop notifications).</summary>
public static class WorkerHost
{
    /// <summary>The worker's host. Tests hand in their own <paramref name="importers"/> (hooks around the real
    /// ones) and <paramref name="time"/> (a fake clock that drives the schedule).</summary>
    public static IHost Build(IConfiguration configuration, bool once, IReadOnlyDictionary<FileKind, IFileImporter>? importers = null,
        TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = WorkerOptions.Load(configuration);
        var limits = ImportLimits.Load(configuration);
        var connectionString = SurveySettings.ConnectionString(configuration);

        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ApplicationName = "neaspec-worker" });
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.AddConfiguration(configuration.GetSection("Logging"));
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.TimestampFormat = "yyyy-MM-dd HH:mm:ss ";
            o.UseUtcTimestamp = true;
        });
        builder.Logging.SetMinimumLevel(LogLevel.Information);
        builder.Services.AddSystemd();
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(new WorkerMode(once));
        builder.Services.AddSingleton(time ?? TimeProvider.System);
        builder.Services.AddSingleton(_ => new SurveyDatabase(connectionString));
        builder.Services.AddSingleton(sp => new ImportRunner(sp.GetRequiredService<SurveyDatabase>(), options, importers,
            sp.GetRequiredService<ILogger<ImportRunner>>(), sp.GetRequiredService<TimeProvider>(), limits));
        builder.Services.AddSingleton<ImportWorker>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<ImportWorker>());
        return builder.Build();
    }
}
