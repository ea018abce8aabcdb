using System.CommandLine;
using System.Globalization;
using Neaspec.Survey.Connectivity;
using Neaspec.Survey.Files;
using Neaspec.Survey.Files.Migratory;
using Neaspec.Survey.Report;
using Neaspec.Survey.Report.Migratory;

namespace Neaspec.Survey.Cli.Commands;

/// <summary>
/// neaspec migratory-connectivity (--psi PSI.csv | --individuals IND.csv) (--origin-distances OD.csv | --origins O.csv)
/// (--target-distances TD.csv | --targets T.csv) --origin-abundance AB.csv [--sample-size N] [--bootstrap B]
/// [--seed S] --out DIR. The work is <see cref="MigratoryConnectivityFiles"/>; this maps options and prints.
/// Database mode: --species S --year Y --origin-season breeding --target-season winter [--regions site|country|cluster
/// --region-distance-km K] [--origin-abundance AB.csv] [--bootstrap B --seed S] --out DIR: the birds' ends from their
/// stays (<see cref="MigrationInputs"/>), MC from them (<see cref="MigratoryAnalysis"/>), files by <see cref="MigratoryFiles"/>.
/// Exit 0 written, 1 input refused (nothing written), 2 failure.
/// </summary>
internal static class MigratoryConnectivityCommand
{
    public static Command Create()
    {
        var command = new Command("migratory-connectivity",
            "Strength of migratory connectivity MC (Cohen et al. 2018), Mantel rM, and their bootstrap intervals over individuals.");
        var options = new MigratoryConnectivityOptionSet();
        options.AddTo(command);
        command.SetAction((parseResult, cancellationToken) => Cli.RunAsync(() =>
            options.DatabaseMode(parseResult)
                ? DatabaseModeAsync(parseResult, options, cancellationToken)
                : Task.FromResult(FromFiles(parseResult, options, cancellationToken))));
        return command;
    }

    /// <summary>Database mode: refuses the file mode's options, then runs <see cref="FromDatabaseAsync"/>.</summary>
    private static Task<int> DatabaseModeAsync(ParseResult parseResult, MigratoryConnectivityOptionSet options, CancellationToken cancellationToken)
    {
        if (options.FileModeOptionsGiven(parseResult) is { Length: > 0 } fileOptions)
        {
            Cli.Error($"migratory-connectivity: {string.Join(", ", fileOptions)} belong to file mode; database mode (--species) finds the birds, regions and distances itself");
            return Task.FromResult(1);
        }
        if (options.Request(parseResult) is not { } request)
        {
            Cli.Error("migratory-connectivity: database mode needs --species, --year, --origin-season and --target-season");
            return Task.FromResult(1);
        }
        return FromDatabaseAsync(parseResult, request, options.AbundancePath(parseResult), options.OutDirectory(parseResult), cancellationToken);
    }

    /// <summary>File mode: runs <see cref="MigratoryConnectivityFiles"/> and prints its line.</summary>
    private static int FromFiles(ParseResult parseResult, MigratoryConnectivityOptionSet options, CancellationToken cancellationToken)
    {
        if (options.AbundancePath(parseResult) is null)
        {
            Cli.Error("migratory-connectivity: give --origin-abundance AB.csv (file mode), or --species, --year, --origin-season and --target-season (database mode)");
            return 1;
        }
        var report = MigratoryConnectivityFiles.Run(options.FileOptions(parseResult), cancellationToken);
        if (!report.Succeeded)
        {
            foreach (var error in report.Errors.Take(50))
            {
                Console.Error.WriteLine(error);
            }
            Cli.Error($"{report.Errors.Count} problem(s) in the input; nothing written.");
            return 1;
        }
        var outDirectory = options.OutDirectory(parseResult);
        Console.WriteLine(Line(report.Result!));
        Console.WriteLine($"-> {Path.Combine(outDirectory, "summary.json")}, {Path.Combine(outDirectory, "psi.csv")}");
        return 0;
    }

    /// <summary>"MC = 0.4554 (95 % interval ...); rM = ...", the line both modes print.</summary>
    private static string Line(MigratoryConnectivityFileResult r)
    {
        var line = string.Create(CultureInfo.InvariantCulture, $"{r.Formula} = {Format(r.MC)}");
        if (r.MCInterval is { } ci)
        {
            line += string.Create(CultureInfo.InvariantCulture,
                $" ({ci.Level:P0} interval {Format(ci.Low)} to {Format(ci.High)}; {ci.Defined} bootstrap replicates over {r.Individuals} birds, seed {r.Seed})");
        }
        else if (r.SampleSize is { } n)
        {
            line += string.Create(CultureInfo.InvariantCulture, $" (N = {n})");
        }
        if (r.RM is { } rm)
        {
            line += $"; rM = {Format(rm)}";
            if (r.RMInterval is { } rmi)
            {
                line += $" ({Format(rmi.Low)} to {Format(rmi.High)})";
            }
        }
        return line;
    }

    private static Task<int> FromDatabaseAsync(ParseResult parseResult, ReportRequest request, string? abundancePath, string outDirectory,
        CancellationToken cancellationToken) => Cli.RunAsync(async () =>
    {
        IReadOnlyDictionary<string, double>? given = null;
        if (abundancePath is not null)
        {
            var errors = new List<InputError>();
            given = MigratoryConnectivityFiles.ReadAbundance(abundancePath, errors);
            if (given is null)
            {
                errors.ForEach(e => Console.Error.WriteLine(e));
                Cli.Error($"{errors.Count} problem(s) in the input; nothing written.");
                return 1;
            }
        }
        request = request with
        {
            Birds = request.Birds with
            {
                Migratory = request.Birds.Migratory! with { OriginAbundance = given, OriginAbundanceSource = abundancePath is null ? null : Path.GetFileName(abundancePath) },
            },
        };
        await using var database = Cli.OpenDatabase(parseResult);
        var loaded = await MigrationInputs.LoadAsync(database, request, cancellationToken);
        if (loaded.Inputs is not { } inputs)
        {
            foreach (var problem in loaded.Problems)
            {
                Cli.Error(problem);
            }
            return 1;
        }
        PrintBirds(inputs);
        if (inputs.WhyNot is { } whyNot)
        {
            Cli.Error($"{whyNot}; nothing written.");
            return 1;
        }
        // Database mode resamples by default (the birds are there); without --seed a seed is drawn and reported, as in file mode.
        var analysis = MigratoryAnalysis.Compute(inputs, request.Birds.Bootstrap ?? ReportBirdOptions.DefaultReplicates, request.Birds.Seed,
            cancellationToken: cancellationToken);
        MigratoryFiles.Write(analysis, outDirectory);
        Console.WriteLine(Line(analysis.Result!));
        if (analysis.IntervalNote is { } note)
        {
            Console.WriteLine($"no interval: {note}");
        }
        Console.WriteLine($"-> {outDirectory} ({string.Join(", ", MigratoryFiles.Names)})");
        return 0;
    });

    /// <summary>Which birds had both ends and which were dropped, and why.</summary>
    private static void PrintBirds(MigrationInputs inputs)
    {
        var used = inputs.Birds.Count(b => b.Used);
        Console.WriteLine($"{inputs.Species}: {inputs.OriginWindow} -> {inputs.TargetWindow}; regions: {inputs.Migratory.Regions.ToString().ToLowerInvariant()}");
        Console.WriteLine($"{inputs.Birds.Count} tracked birds: {used} with both ends, {inputs.Birds.Count - used} dropped");
        foreach (var b in inputs.Birds.Take(50))
        {
            Console.WriteLine(b.Used
                ? string.Create(CultureInfo.InvariantCulture, $"  {b.Individual}: {b.Origin!.Region} ({b.Origin.Site}, {b.Origin.Days:0.#} d) -> {b.Target!.Region} ({b.Target.Site}, {b.Target.Days:0.#} d)")
                : $"  {b.Individual}: dropped, {b.Dropped}");
        }
        if (inputs.Birds.Count > 50)
        {
            Console.WriteLine($"  ... {inputs.Birds.Count - 50} more in birds.csv");
        }
        Console.WriteLine($"origin regions: {string.Join(", ", inputs.Origins.Select(o => $"{o.Id} ({o.Birds} birds, abundance {(o.Abundance is { } a ? Format(a) : "unknown")})"))}");
        Console.WriteLine($"target regions: {string.Join(", ", inputs.Targets.Select(t => $"{t.Id} ({t.Birds} birds)"))}");
    }

    private static string Format(double x) => double.IsFinite(x) ? x.ToString("0.####", CultureInfo.InvariantCulture) : "undefined";
}
