using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Neaspec.Survey.Storage;
using Neaspec.Survey.Worker;

namespace Neaspec.Survey.Cli.Commands;

internal static class WorkerCommand
{
    public static Command Create()
    {
        var once = new Option<bool>("--once") { Description = "One run now, then exit (exit 1 when a file was rejected, 3 when the database stayed down)" };
        var inbox = new Option<DirectoryInfo?>("--inbox") { Description = "The drop folder (overrides Worker:Inbox and NEASPEC_Worker__Inbox)" };
        var wait = new Option<int?>("--wait") { Description = "Seconds to wait for another worker's run to finish (default Worker:LockWaitSeconds; 0 skips)" };
        var command = new Command("worker", "The import worker: loads the new files of the drop folder on the schedule (Worker:Schedule), or once") { once, inbox, wait };
        command.SetAction((parseResult, ct) => Cli.RunAsync(async () =>
        {
            var overrides = new Dictionary<string, string?>();
            if (parseResult.GetValue(Cli.ConnectionOption) is { Length: > 0 } connection)
            {
                overrides["ConnectionStrings:Survey"] = connection;
            }
            if (parseResult.GetValue(inbox) is { } dir)
            {
                overrides["Worker:Inbox"] = dir.FullName;
            }
            if (parseResult.GetValue(wait) is { } seconds)
            {
                overrides["Worker:LockWaitSeconds"] = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            var runOnce = parseResult.GetValue(once);
            using var host = WorkerHost.Build(SurveySettings.Load(overrides), runOnce);
            var worker = host.Services.GetRequiredService<ImportWorker>();
            // Ctrl+C or SIGTERM: a graceful stop (the import in progress rolls back, its file stays in
            // the inbox), which is a normal end for a service, not an error.
            using var stop = ct.Register(() => host.Services.GetRequiredService<IHostApplicationLifetime>().StopApplication());
            await host.StartAsync(CancellationToken.None);
            await host.WaitForShutdownAsync(CancellationToken.None);
            if (!runOnce)
            {
                return 0;
            }
            if (worker.Failure is { } failure)
            {
                Cli.Error(Cli.Describe(failure));
                return 2;
            }
            return worker.LastRun?.ExitCode ?? 2;
        }));
        return command;
    }
}
