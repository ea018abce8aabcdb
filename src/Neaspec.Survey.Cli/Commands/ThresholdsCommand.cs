using System.CommandLine;
using System.Globalization;
using Neaspec.Survey.Files;
using Neaspec.Survey.Report.Thresholds;
using Neaspec.Survey.Storage;
using Spectre.Console;

namespace Neaspec.Survey.Cli.Commands;

/// <summary>
/// neaspec thresholds list [--species S] [--format table|csv] | set --species S --population P --estimate N
/// [--threshold T] --source TEXT --year Y [--note TEXT] | import FILE.csv | delete --species S --population P: the flyway
/// population estimates and their 1 % thresholds the trend report flags sites with. The work is
/// <see cref="PopulationEstimateEditor"/>; exit 0 done, 1 refused (nothing changed), 2 failure.
/// </summary>
internal static class ThresholdsCommand
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static Command Create() =>
        new("thresholds", "Flyway population estimates and their 1 % thresholds (Ramsar criterion 6), as the trend report uses them.")
        {
            List(), Set(), Import(), Delete(),
        };

    private static Command List()
    {
        var species = new Option<string?>("--species") { Description = "Only this species (any catalogue name)." };
        var format = new Option<string>("--format") { Description = "table (default) or csv", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv");
        var command = new Command("list", "Every population estimate with its threshold and source.") { species, format };
        command.SetAction((parseResult, ct) => Cli.RunAsync(async () =>
        {
            await using var database = Cli.OpenDatabase(parseResult);
            await using var conn = await database.DataSource.OpenConnectionAsync(ct);
            string? scientific = null;
            if (parseResult.GetValue(species) is { } name)
            {
                scientific = (await Storage.SpeciesResolver.LoadAsync(conn, ct)).Resolve(name);
                if (scientific is null)
                {
                    Cli.Error($"--species: '{name}' is not in the species catalogue (scientific name, synonym or common name)");
                    return 1;
                }
            }
            var rows = await PopulationEstimateCatalogue.ListAsync(conn, scientific, ct);
            if (parseResult.GetValue(format) == "csv")
            {
                using var writer = CsvOutput.ToStream(Console.OpenStandardOutput());
                writer.WriteHeader(["species", "population", "estimate", "one_percent_threshold", "source", "year", "note", "updated_at", "updated_by"]);
                foreach (var r in rows)
                {
                    writer.WriteRecord([r.Species, r.Population, r.Estimate.ToString(Inv), r.OnePercentThreshold.ToString(Inv), r.Source,
                        r.Year.ToString(Inv), r.Note ?? "", r.UpdatedAt.ToString("yyyy-MM-dd HH:mm:ss", Inv), r.UpdatedBy ?? ""]);
                }
                return 0;
            }
            var table = new Table().AddColumns("species", "population", "estimate", "1 %", "0.25 %", "year", "source", "by");
            foreach (var r in rows)
            {
                table.AddRow(Cli.Escape(r.Species), Cli.Escape(r.Population), r.Estimate.ToString("#,0", Inv), r.OnePercentThreshold.ToString("#,0", Inv),
                    Math.Ceiling(r.Estimate * 0.0025).ToString("#,0", Inv), r.Year.ToString(Inv), Cli.Escape(r.Source), Cli.Escape(r.UpdatedBy));
            }
            AnsiConsole.Write(table);
            Console.WriteLine($"{rows.Count} population(s). Check each figure against its source before citing a flag.");
            return 0;
        }));
        return command;
    }

    private static Command Set()
    {
        var species = new Option<string>("--species") { Description = "Species (any catalogue name).", Required = true };
        var population = new Option<string>("--population") { Description = "The flyway population, e.g. \"East Asia\".", Required = true };
        var estimate = new Option<int>("--estimate") { Description = "Population size in individuals.", Required = true };
        var threshold = new Option<int?>("--threshold") { Description = "The published 1 % threshold (default 1 % of the estimate, rounded)." };
        var source = new Option<string>("--source") { Description = "The citation: who, year, title, publisher.", Required = true };
        var year = new Option<int>("--year") { Description = "The year of the estimate.", Required = true };
        var note = new Option<string?>("--note") { Description = "How the figure was read from the source (a range, a census total)." };
        var command = new Command("set", "Add a population's estimate, or replace its figure, source and year.")
        {
            species, population, estimate, threshold, source, year, note,
        };
        command.SetAction((parseResult, ct) => Cli.RunAsync(async () =>
        {
            await using var database = Cli.OpenDatabase(parseResult);
            var problems = new List<string>();
            var edit = new PopulationEstimateEdit(parseResult.GetValue(species)!, parseResult.GetValue(population)!, parseResult.GetValue(estimate),
                parseResult.GetValue(threshold), parseResult.GetValue(source)!, parseResult.GetValue(year), parseResult.GetValue(note));
            var row = await PopulationEstimateEditor.SetAsync(database, edit, Environment.UserName, problems, ct);
            if (row is null)
            {
                return TrendCommand.Refuse(problems);
            }
            Console.WriteLine(string.Create(Inv,
                $"{row.Species}, {row.Population}: {row.Estimate:#,0} individuals ({row.Year}), 1 % threshold {row.OnePercentThreshold:#,0}"));
            return 0;
        }));
        return command;
    }

    private static Command Import()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "CSV: species,population,estimate,one_percent_threshold,source,year,note" };
        var command = new Command("import", "Add or replace estimates from a file, all or nothing.") { file };
        command.SetAction((parseResult, ct) => Cli.RunAsync(async () =>
        {
            await using var database = Cli.OpenDatabase(parseResult);
            var errors = new List<InputError>();
            var rows = await PopulationEstimateEditor.ImportAsync(database, parseResult.GetValue(file)!.FullName, Environment.UserName, errors, ct);
            if (rows is null)
            {
                return TrendCommand.Refuse(errors.Select(e => e.ToString()));
            }
            Console.WriteLine($"{rows.Count} population estimate(s) stored from {parseResult.GetValue(file)!.Name}");
            return 0;
        }));
        return command;
    }

    private static Command Delete()
    {
        var species = new Option<string>("--species") { Description = "Species (any catalogue name).", Required = true };
        var population = new Option<string>("--population") { Description = "The population's name as listed.", Required = true };
        var command = new Command("delete", "Delete a population's estimate (a seeded one comes back at the next migration: set it instead).")
        {
            species, population,
        };
        command.SetAction((parseResult, ct) => Cli.RunAsync(async () =>
        {
            await using var database = Cli.OpenDatabase(parseResult);
            var problems = new List<string>();
            var deleted = await PopulationEstimateEditor.DeleteAsync(database, parseResult.GetValue(species)!, parseResult.GetValue(population)!, problems, ct);
            if (deleted is null)
            {
                return TrendCommand.Refuse(problems);
            }
            if (deleted == false)
            {
                Cli.Error($"--population: no population '{parseResult.GetValue(population)}' of that species in the table (see thresholds list)");
                return 1;
            }
            Console.WriteLine("deleted");
            return 0;
        }));
        return command;
    }
}
