using System.CommandLine;
using Neaspec.Survey.Cli;
using Neaspec.Survey.Cli.Commands;

// Redirected output (logs, pipes) gets full-width tables rather than an 80-column squeeze.
if (Console.IsOutputRedirected)
{
    Spectre.Console.AnsiConsole.Profile.Width = 200;
}

var root = new RootCommand("neaspec — survey data and habitat connectivity for North-East Asia's flagship migratory birds");
root.Options.Add(Cli.ConnectionOption);
root.Subcommands.Add(DbCommand.Create());
root.Subcommands.Add(SitesCommand.Create());
root.Subcommands.Add(SpeciesCommand.Create());
root.Subcommands.Add(CountsCommand.Create());
root.Subcommands.Add(ImportsCommand.Create());
root.Subcommands.Add(ConnectivityCommand.Create());
root.Subcommands.Add(TrendCommand.Create());
root.Subcommands.Add(ThresholdsCommand.Create());
root.Subcommands.Add(ReportCommand.Create());
root.Subcommands.Add(WorkerCommand.Create());
root.Subcommands.Add(PortalCommand.Create());
root.Subcommands.Add(TracksCommand.Create());
root.Subcommands.Add(MigratoryConnectivityCommand.Create());
root.Subcommands.Add(ExportCommand.Create());
root.Subcommands.Add(SeasonsCommand.Create());
return await root.Parse(args).InvokeAsync();
