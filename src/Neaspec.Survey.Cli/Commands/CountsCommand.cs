using System.CommandLine;
using System.Globalization;
using Neaspec.Survey.Files;
using Neaspec.Survey.Ingestion.Counts;
using Neaspec.Survey.Ingestion.Import;
using Neaspec.Survey.Storage;
using Npgsql;
using Spectre.Console;

namespace Neaspec.Survey.Cli.Commands;

internal static class CountsCommand
{
    public static Command Create() => new("counts", "Count surveys (census counts per site, date and species)") { Import(), Summary(), Generate() };

    private static Command Generate()
    {
        var rows = new Option<long>("--rows") { Description = "Number of count rows", DefaultValueFactory = _ => 1_000_000 };
        var output = new Option<FileInfo>("--out") { Description = "File to write", Required = true };
        var seed = new Option<int>("--seed") { Description = "Random seed", DefaultValueFactory = _ => 42 };
        var command = new Command("generate", "Write a deterministic count-survey CSV over the sample sites (benchmarks)") { rows, output, seed };
        command.SetAction(parseResult => Cli.RunAsync(() =>
        {
            var n = CountSampleGenerator.Write(parseResult.GetValue(output)!.FullName, parseResult.GetValue(rows), parseResult.GetValue(seed));
            Console.WriteLine($"{n:N0} rows written to {parseResult.GetValue(output)!.FullName}");
            return Task.FromResult(0);
        }));
        return command;
    }

    private static Command Import()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "Count-survey CSV (canonical or Darwin Core headers, comma or semicolon, UTF-8)" };
        var partial = new Option<bool>("--accept-partial") { Description = "Load the good rows of a file that has bad ones (default: all or nothing)" };
        var reports = ImportPrinter.ReportDirectoryOption();
        var command = new Command("import", "Import a count-survey CSV") { file, partial, reports };
        command.SetAction((parseResult, ct) => Cli.RunAsync(async () =>
        {
            await using var database = Cli.OpenDatabase(parseResult);
            var settings = Cli.Settings();
            var importer = new CountImporter(new CountImportOptions
            {
                AcceptPartial = parseResult.GetValue(partial),
                DuplicateSiteDistanceMeters = double.TryParse(settings["Counts:DuplicateSiteDistanceMeters"], CultureInfo.InvariantCulture, out var d) ? d : 2_000,
            });
            var path = parseResult.GetValue(file)!.FullName;
            var outcome = await ImportPrinter.RunAsync(database, importer, path, parseResult.GetValue(reports)?.FullName, ct);
            if (outcome.Details is CountImportDetails { IgnoredColumns.Count: > 0 } details)
            {
                Console.WriteLine($"note: columns not used: {string.Join(", ", details.IgnoredColumns)}");
            }
            return ImportPrinter.Print(outcome, FileKind.Counts, path);
        }));
        return command;
    }

    private static Command Summary()
    {
        var species = new Option<string?>("--species") { Description = "Scientific or common name (any catalogue language)" };
        var from = new Option<DateOnly?>("--from") { Description = "First survey date (YYYY-MM-DD)" };
        var to = new Option<DateOnly?>("--to") { Description = "Last survey date (YYYY-MM-DD)" };
        var country = new Option<string?>("--country") { Description = "ISO 3166-1 alpha-2 country code" };
        var format = new Option<string>("--format") { Description = "table or csv", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "csv");
        var command = new Command("summary", "Totals per country, site and species") { species, from, to, country, format };
        command.SetAction((parseResult, ct) => Cli.RunAsync(async () =>
        {
            await using var database = Cli.OpenDatabase(parseResult);
            string? scientific = null;
            if (parseResult.GetValue(species) is { } name)
            {
                var resolver = await SpeciesResolver.LoadAsync(database, ct);
                scientific = resolver.Resolve(name);
                if (scientific is null)
                {
                    Cli.Error($"unknown species '{name}'");
                    return 1;
                }
            }
            var rows = await CountSummary.QueryAsync(database, scientific, parseResult.GetValue(from), parseResult.GetValue(to),
                parseResult.GetValue(country)?.ToUpperInvariant(), ct);
            if (parseResult.GetValue(format) == "csv")
            {
                using var writer = CsvOutput.ToStream(Console.OpenStandardOutput());
                writer.WriteHeader(["country", "site_code", "species", "surveys", "total"]);
                foreach (var r in rows)
                {
                    writer.WriteRecord([r.Country, r.SiteCode, r.Species, r.Surveys.ToString(CultureInfo.InvariantCulture), r.Total.ToString(CultureInfo.InvariantCulture)]);
                }
                return 0;
            }
            var table = new Table().AddColumns("country", "site", "species", "surveys", "total");
            foreach (var r in rows)
            {
                table.AddRow(r.Country, Cli.Escape($"{r.SiteCode} {r.SiteName}"), Cli.Escape(r.Species), r.Surveys.ToString("N0", CultureInfo.InvariantCulture), r.Total.ToString("N0", CultureInfo.InvariantCulture));
            }
            AnsiConsole.Write(table);
            return 0;
        }));
        return command;
    }
}
