using System.CommandLine;
using Neaspec.Survey.Files;
using Neaspec.Survey.Ingestion.Catalogue;
using Neaspec.Survey.Ingestion.Import;
using Neaspec.Survey.Storage.Model;
using Spectre.Console;

namespace Neaspec.Survey.Cli.Commands;

/// <summary><c>neaspec species import FILE</c> (add species and names; an admin's file, in the ledger) and
/// <c>neaspec species list</c> (the catalogue, as a table or as a species file to edit and import back).</summary>
internal static class SpeciesCommand
{
    public static Command Create() => new("species", "The species catalogue: names in every language, synonyms, ranks") { Import(), List() };

    private static Command Import()
    {
        var file = new Argument<FileInfo>("FILE")
        {
            Description = "Species CSV: scientific_name,rank,name_en,name_zh_hans,name_zh_hant,name_ja,name_ko,name_ru,name_mn,synonyms,flagship " +
                "(several names in a cell separated by |)",
        };
        var reports = ImportPrinter.ReportDirectoryOption();
        var command = new Command("import", "Add species and names to the catalogue (all or nothing; nothing is taken away)") { file, reports };
        command.SetAction((parseResult, ct) => Cli.RunAsync(async () =>
        {
            await using var database = Cli.OpenDatabase(parseResult);
            var path = parseResult.GetValue(file)!.FullName;
            var outcome = await ImportPrinter.RunAsync(database, new SpeciesImporter(), path, parseResult.GetValue(reports)?.FullName, ct);
            return ImportPrinter.Print(outcome, FileKind.Species, path);
        }));
        return command;
    }

    private static Command List()
    {
        var format = new Option<string>("--format") { Description = "table, or csv (a species file: edit it and import it back)", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv");
        var command = new Command("list", "Every species with its rank, flags and names") { format };
        command.SetAction((parseResult, ct) => Cli.RunAsync(async () =>
        {
            await using var database = Cli.OpenDatabase(parseResult);
            var species = await SpeciesList.ReadAsync(database, ct);
            if (parseResult.GetValue(format) == "csv")
            {
                using var writer = CsvOutput.ToStream(Console.OpenStandardOutput());
                SpeciesList.WriteCsv(writer, species);
                return 0;
            }
            var table = new Table().AddColumns(["scientific name", "rank", "flags", .. NameLanguage.All]);
            foreach (var s in species)
            {
                var flags = string.Join(" ", new[] { s.Species.IsFlagship ? "flagship" : null, s.Species.IsSensitive ? "sensitive" : null }.OfType<string>());
                table.AddRow([Cli.Escape(s.Species.ScientificName), s.Species.TaxonRank, flags,
                    .. NameLanguage.All.Select(l => Cli.Escape(SpeciesList.Join(s.NamesIn(l))))]);
            }
            AnsiConsole.Write(table);
            Console.WriteLine($"{species.Count} species");
            return 0;
        }));
        return command;
    }
}
