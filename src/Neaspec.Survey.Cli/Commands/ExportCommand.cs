using System.CommandLine;
using System.Globalization;
using Neaspec.Survey.Sharing;
using Neaspec.Survey.Sharing.Archive;
using Neaspec.Survey.Sharing.Counts;
using Neaspec.Survey.Sharing.Sensitive;
using Neaspec.Survey.Sharing.Tracks;
using Neaspec.Survey.Storage;

namespace Neaspec.Survey.Cli.Commands;

/// <summary>
/// neaspec export dwca --out FILE.zip [--species S...] [--from D --to D] [--country CC...] [--generalise-km KM] [--title T]
/// [--license L] [--citation C]; neaspec export tracks --format movebank|dwc --out FILE [--hourly] [--study S...]
/// [--species S...] [--from D --to D] [--generalise-km KM] [--title T]; neaspec export sensitive [--site CODE...]
/// [--species NAME...] [--off]. The work is in Neaspec.Survey.Sharing (docs/sharing.md).
/// </summary>
internal static class ExportCommand
{
    public static Command Create() =>
        new("export", "Share the data: Darwin Core Archives for GBIF, Movebank CSV; sensitive sites and species") { Dwca(), Tracks(), Sensitive() };

    private sealed record Common(Option<FileInfo> Out, Option<string[]> Species, Option<DateOnly?> From, Option<DateOnly?> To,
        Option<double?> GeneraliseKm, Option<string?> Title, Option<string?> License, Option<string?> Citation)
    {
        public static Common Create(string outDescription) => new(
            new Option<FileInfo>("--out") { Description = outDescription, Required = true },
            new Option<string[]>("--species") { Description = "Species (scientific name, synonym or common name in any catalogue language); several allowed", AllowMultipleArgumentsPerToken = true },
            new Option<DateOnly?>("--from") { Description = "First date (YYYY-MM-DD)" },
            new Option<DateOnly?>("--to") { Description = "Last date (YYYY-MM-DD), included" },
            new Option<double?>("--generalise-km") { Description = "Generalise every location to the centre of a grid cell of this size in km (sensitive ones at least Sharing:SensitiveGridKm)" },
            new Option<string?>("--title") { Description = "Dataset title (default Sharing:Title)" },
            new Option<string?>("--license") { Description = "CC0-1.0, CC-BY-4.0 or CC-BY-NC-4.0 (default Sharing:License)" },
            new Option<string?>("--citation") { Description = "How to cite the dataset (default Sharing:Citation, else written from publisher, year and title)" });

        public void AddTo(Command command)
        {
            foreach (var option in new Option[] { Out, Species, From, To, GeneraliseKm, Title, License, Citation })
            {
                command.Options.Add(option);
            }
        }

        /// <summary>Sharing:* from appsettings.json and the environment, with this command's --license and --citation.</summary>
        public SharingOptions Options(ParseResult parseResult)
        {
            var overrides = new Dictionary<string, string?>();
            if (parseResult.GetValue(License) is { } license)
            {
                overrides[$"{SharingOptions.Section}:License"] = license;
            }
            if (parseResult.GetValue(Citation) is { } citation)
            {
                overrides[$"{SharingOptions.Section}:Citation"] = citation;
            }
            var options = SharingOptions.From(SurveySettings.Load(overrides));
            options.Validate();
            return options;
        }

        /// <summary>The output's folder must exist: the archive is written beside its final name and renamed.</summary>
        public string? OutProblem(ParseResult parseResult)
        {
            var path = parseResult.GetValue(Out)!.FullName;
            return Directory.Exists(Path.GetDirectoryName(path)) ? null : $"--out {path}: the folder {Path.GetDirectoryName(path)} does not exist";
        }
    }

    private static Command Dwca()
    {
        var common = Common.Create("The archive to write (.zip); written whole or not at all");
        var country = new Option<string[]>("--country") { Description = "ISO 3166-1 alpha-2 country codes; several allowed", AllowMultipleArgumentsPerToken = true };
        var command = new Command("dwca", "The count surveys as a sampling-event Darwin Core Archive (event core, occurrence extension, meta.xml, eml.xml) for a GBIF IPT");
        common.AddTo(command);
        command.Options.Add(country);
        command.SetAction((parseResult, ct) => Cli.RunAsync(async () =>
        {
            if (!TryOptions(common, parseResult, out var options))
            {
                return 1;
            }
            await using var database = Cli.OpenDatabase(parseResult);
            var (selection, problems) = await ExportSelection.ParseAsync(database, parseResult.GetValue(common.Species) ?? [],
                parseResult.GetValue(common.From), parseResult.GetValue(common.To), parseResult.GetValue(country) ?? [],
                parseResult.GetValue(common.GeneraliseKm), parseResult.GetValue(common.Title), ct);
            if (Rejected(problems, common.OutProblem(parseResult)))
            {
                return 1;
            }
            var path = parseResult.GetValue(common.Out)!.FullName;
            var result = await new CountArchive(database, options!).WriteAsync(selection!, path, ct);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{path}: {result.CoreRows:N0} events, {result.ExtensionRows:N0} occurrences ({result.Present:N0} present, {result.Absent:N0} absent), {result.Coverage.Taxa.Count} species, {result.Coverage.Places:N0} sites; {result.Generalised:N0} events generalised"));
            return 0;
        }));
        return command;
    }

    private static Command Tracks()
    {
        var common = Common.Create("The file to write: CSV (.csv, or .csv.gz gzipped) for movebank, a zip for dwc");
        var format = new Option<string>("--format") { Description = "movebank (CSV as imported) or dwc (Darwin Core occurrences, first fix of each hour)", Required = true };
        format.AcceptOnlyFromAmong("movebank", "dwc");
        var hourly = new Option<bool>("--hourly") { Description = "Only the first fix without a quality flag of each UTC hour per individual (always so for dwc)" };
        var study = new Option<string[]>("--study") { Description = "Only these studies; several allowed", AllowMultipleArgumentsPerToken = true };
        var command = new Command("tracks", "The GPS tracks as Movebank CSV or as Darwin Core occurrences subsampled by hour");
        common.AddTo(command);
        command.Options.Add(format);
        command.Options.Add(hourly);
        command.Options.Add(study);
        command.SetAction((parseResult, ct) => Cli.RunAsync(async () =>
        {
            if (!TryOptions(common, parseResult, out var options))
            {
                return 1;
            }
            var movebank = parseResult.GetValue(format) == "movebank";
            await using var database = Cli.OpenDatabase(parseResult);
            var (selection, problems) = await TrackSelection.ParseAsync(database, parseResult.GetValue(study) ?? [],
                parseResult.GetValue(common.Species) ?? [], parseResult.GetValue(common.From), parseResult.GetValue(common.To),
                parseResult.GetValue(common.GeneraliseKm), parseResult.GetValue(common.Title), parseResult.GetValue(hourly), ct);
            var formatProblem = movebank && parseResult.GetValue(common.GeneraliseKm) is not null
                ? "--generalise-km: the Movebank export is the exact data for partners; generalise the Darwin Core export (--format dwc)"
                : null;
            if (Rejected([.. problems, .. new[] { formatProblem, common.OutProblem(parseResult) }.OfType<string>()], null))
            {
                return 1;
            }
            var path = parseResult.GetValue(common.Out)!.FullName;
            if (movebank)
            {
                var fixes = await new MovebankExport(database).WriteAsync(selection!, path, ct);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{path}: {fixes:N0} fixes"));
                return 0;
            }
            var result = await new TrackArchive(database, options!).WriteAsync(selection!, path, ct);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{path}: {result.CoreRows:N0} occurrences (first fix of each hour) of {result.Coverage.Places:N0} individuals; {result.Generalised:N0} generalised"));
            return 0;
        }));
        return command;
    }

    private static Command Sensitive()
    {
        var site = new Option<string[]>("--site") { Description = "Site codes to mark; several allowed", AllowMultipleArgumentsPerToken = true };
        var species = new Option<string[]>("--species") { Description = "Species to mark (any catalogue name); several allowed", AllowMultipleArgumentsPerToken = true };
        var off = new Option<bool>("--off") { Description = "Unmark them instead" };
        var command = new Command("sensitive", "Mark sites and species sensitive (exports generalise them); without options, list what is marked") { site, species, off };
        command.SetAction((parseResult, ct) => Cli.RunAsync(async () =>
        {
            await using var database = Cli.OpenDatabase(parseResult);
            var sensitive = !parseResult.GetValue(off);
            var unknown = new List<string>();
            foreach (var code in parseResult.GetValue(site) ?? [])
            {
                if (await SensitiveFlags.SetSiteAsync(database, code, sensitive, ct) is { } stored)
                {
                    Console.WriteLine($"site {stored}: {(sensitive ? "sensitive" : "not sensitive")}");
                }
                else
                {
                    unknown.Add($"--site '{code}': no such site");
                }
            }
            foreach (var name in parseResult.GetValue(species) ?? [])
            {
                if (await SensitiveFlags.SetSpeciesAsync(database, name, sensitive, ct) is { } scientific)
                {
                    Console.WriteLine($"species {scientific}: {(sensitive ? "sensitive" : "not sensitive")}");
                }
                else
                {
                    unknown.Add($"--species '{name}': not in the species catalogue");
                }
            }
            var (sites, taxa) = await SensitiveFlags.ListAsync(database, ct);
            Console.WriteLine($"sensitive sites: {(sites.Count > 0 ? string.Join(", ", sites) : "none")}");
            Console.WriteLine($"sensitive species: {(taxa.Count > 0 ? string.Join(", ", taxa) : "none")}");
            return Rejected(unknown, null) ? 1 : 0;
        }));
        return command;
    }

    private static bool TryOptions(Common common, ParseResult parseResult, out SharingOptions? options)
    {
        try
        {
            options = common.Options(parseResult);
            return true;
        }
        catch (SettingsException ex)
        {
            Cli.Error(ex.Message);
            options = null;
            return false;
        }
    }

    private static bool Rejected(IReadOnlyList<string> problems, string? more)
    {
        var all = more is null ? problems : [.. problems, more];
        foreach (var problem in all)
        {
            Cli.Error(problem);
        }
        return all.Count > 0;
    }
}
