using System.CommandLine;
using Neaspec.Survey.Connectivity;
using Neaspec.Survey.Storage;
using Npgsql;
using Spectre.Console;

namespace Neaspec.Survey.Cli.Commands;

/// <summary>
/// neaspec seasons list [--species S] | set --season NAME --window MM-DD..MM-DD [--species S] [--time-zone Z] |
/// reset --species S: the season windows of the <c>seasons</c> table, which the report and the track_seasons view
/// read. A species' own windows replace the default ones for it; its first own window copies the defaults for it, so
/// its other seasons stay where they were.
/// </summary>
internal static class SeasonsCommand
{
    public static Command Create()
    {
        var command = new Command("seasons", "The season windows (per species, or the defaults) that reports and the track_seasons view use");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Set());
        command.Subcommands.Add(Reset());
        return command;
    }

    private static Option<string?> SpeciesOption(string description) => new("--species") { Description = description };

    private static Command List()
    {
        var species = SpeciesOption("Show the windows that apply to this species (its own, else the defaults); any catalogue name.");
        var list = new Command("list", "The season windows; with --species, those that apply to it") { species };
        list.SetAction((parseResult, ct) => Cli.RunAsync(async () =>
        {
            await using var database = Cli.OpenDatabase(parseResult);
            await using var conn = await database.DataSource.OpenConnectionAsync(ct);
            var all = await SeasonCatalogue.LoadAsync(conn, ct);
            var rows = all;
            if (parseResult.GetValue(species) is { } asked)
            {
                if (await ResolveAsync(conn, asked, ct) is not { } scientific)
                {
                    return 1;
                }
                rows = Season.For(all, scientific);
            }
            var table = new Table().AddColumns("species", "season", "first day", "last day", "time zone");
            foreach (var s in rows)
            {
                table.AddRow(Cli.Escape(s.Species ?? "(default)"), s.Name, s.Start, s.End, Cli.Escape(s.TimeZone));
            }
            AnsiConsole.Write(table);
            return 0;
        }));
        return list;
    }

    private static Command Set()
    {
        var season = new Option<string>("--season") { Description = "spring, breeding, autumn or winter.", Required = true };
        season.AcceptOnlyFromAmong([.. Season.Defaults.Select(s => s.Name)]);
        var window = new Option<string>("--window") { Description = "First and last day, both included: MM-DD..MM-DD (e.g. 09-01..11-30; 11-20..03-10 runs across the new year).", Required = true };
        var species = SpeciesOption("The species whose own window this is (any catalogue name); without it, the default window of every species that has none.");
        var zone = new Option<string?>("--time-zone") { Description = "IANA time zone the dates are read in (default: the window's current one, else UTC)." };
        var set = new Command("set", "Set a season window, for one species or the default") { season, window, species, zone };
        set.SetAction((parseResult, ct) => Cli.RunAsync(async () =>
        {
            await using var database = Cli.OpenDatabase(parseResult);
            await using var conn = await database.DataSource.OpenConnectionAsync(ct);
            string? scientific = null;
            if (parseResult.GetValue(species) is { } asked && (scientific = await ResolveAsync(conn, asked, ct)) is null)
            {
                return 1;
            }
            var name = parseResult.GetValue(season)!;
            var current = Season.Find(Season.For(await SeasonCatalogue.LoadAsync(conn, ct), scientific ?? ""), name);
            var timeZone = parseResult.GetValue(zone) ?? current?.TimeZone ?? Season.DefaultTimeZone;
            var parsed = Season.Parse(name, parseResult.GetValue(window)!, scientific, timeZone, out var error);
            if (parsed is null)
            {
                Cli.Error(error!.Contains("time zone", StringComparison.Ordinal) ? $"--time-zone: {error}" : $"--window: {error}");
                return 1;
            }
            var copied = await SeasonCatalogue.SetAsync(conn, parsed, ct);
            if (copied)
            {
                Console.WriteLine($"{scientific} had no windows of its own: the default ones were copied for it first.");
            }
            Console.WriteLine($"{scientific ?? "default"} {parsed.Name}: {parsed.Start}..{parsed.End}, dates in {parsed.TimeZone} (was {(current is null ? "not set" : $"{current.Start}..{current.End}, {current.TimeZone}")}).");
            return 0;
        }));
        return set;
    }

    private static Command Reset()
    {
        var species = new Option<string>("--species") { Description = "The species whose own windows to delete (any catalogue name).", Required = true };
        var reset = new Command("reset", "Delete a species' own windows: the default ones apply to it again") { species };
        reset.SetAction((parseResult, ct) => Cli.RunAsync(async () =>
        {
            await using var database = Cli.OpenDatabase(parseResult);
            await using var conn = await database.DataSource.OpenConnectionAsync(ct);
            if (await ResolveAsync(conn, parseResult.GetValue(species)!, ct) is not { } scientific)
            {
                return 1;
            }
            var deleted = await SeasonCatalogue.ResetAsync(conn, scientific, ct);
            Console.WriteLine($"{scientific}: {deleted} own window(s) deleted; the default windows apply.");
            return 0;
        }));
        return reset;
    }

    /// <summary>The scientific name of a species as the user wrote it, or null after saying so.</summary>
    private static async Task<string?> ResolveAsync(NpgsqlConnection conn, string name, CancellationToken ct)
    {
        var scientific = (await SpeciesResolver.LoadAsync(conn, ct)).Resolve(name);
        if (scientific is null)
        {
            Cli.Error($"--species: '{name}' is not in the species catalogue (scientific name, synonym or common name)");
        }
        return scientific;
    }
}
