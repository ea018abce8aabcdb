using System.CommandLine;
using Neaspec.Survey.Cli;
using Neaspec.Survey.Cli.Commands;

var root = new RootCommand("neaspec — survey data and habitat connectivity for North-East Asia's flagship migratory birds");
root.Options.Add(Cli.ConnectionOption);
root.Subcommands.Add(DbCommand.Create());


root.Subcommands.Add(ImportsCommand.Create());
root.Subcommands.Add(TracksCommand.Create());
return await root.Parse(args).InvokeAsync();
