using System.CommandLine;
using System.Globalization;
using Neaspec.Survey.Files.Migratory;

namespace Neaspec.Survey.Cli.Commands;

/// <summary>
/// neaspec migratory-connectivity (--psi PSI.csv | --individuals IND.csv) (--origin-distances OD.csv | --origins O.csv)
/// (--target-distances TD.csv | --targets T.csv) --origin-abundance AB.csv [--sample-size N] [--bootstrap B]
/// [--seed S] --out DIR. The work is <see cref="MigratoryConnectivityFiles"/>; this maps options and prints.
/// Exit 0 written, 1 input refused (nothing written), 2 failure.
/// </summary>
internal static class MigratoryConnectivityCommand
{
    public static Command Create()
    {
        var psi = new Option<string?>("--psi") { Description = "Transition probabilities: header id,<target ids>, one row per origin, rows summing to 1." };
        var individuals = new Option<string?>("--individuals")
        {
            Description = "Tracked birds: id,origin,target[,origin_lon,origin_lat,target_lon,target_lat]. psi is estimated from them, N is their number; needed by --bootstrap, and the points give rM.",
        };
        var originDistances = new Option<string?>("--origin-distances") { Description = "Origin-origin distances: square symmetric matrix, header id,<origin ids> (any unit)." };
        var targetDistances = new Option<string?>("--target-distances") { Description = "Target-target distances: square symmetric matrix, header id,<target ids>." };
        var origins = new Option<string?>("--origins") { Description = "Origin regions id,lon,lat: great-circle km instead of --origin-distances." };
        var targets = new Option<string?>("--targets") { Description = "Target regions id,lon,lat: great-circle km instead of --target-distances." };
        var abundance = new Option<string>("--origin-abundance") { Description = "Origin abundance id,abundance (relative or absolute; normalised).", Required = true };
        var sampleSize = new Option<double?>("--sample-size") { Description = "N animals psi was estimated from: the small-sample MC (without it, MC(R))." };
        var bootstrap = new Option<int?>("--bootstrap") { Description = "B replicates of a bootstrap over the individuals (e.g. 1000): MC_ci_low, MC_ci_high." };
        var seed = new Option<long?>("--seed") { Description = "Seed of the bootstrap: the same seed gives the same intervals (drawn and reported when absent)." };
        var output = new Option<string>("--out") { Description = "Output folder for summary.json and psi.csv.", Required = true };

        var command = new Command("migratory-connectivity",
            "Strength of migratory connectivity MC (Cohen et al. 2018), Mantel rM, and their bootstrap intervals over individuals.");
        foreach (var option in new Option[] { psi, individuals, originDistances, targetDistances, origins, targets, abundance, sampleSize, bootstrap, seed, output })
        {
            command.Options.Add(option);
        }
        command.SetAction((parseResult, cancellationToken) => Cli.RunAsync(() =>
        {
            var report = MigratoryConnectivityFiles.Run(new MigratoryConnectivityFileOptions
            {
                PsiPath = parseResult.GetValue(psi),
                IndividualsPath = parseResult.GetValue(individuals),
                OriginDistancesPath = parseResult.GetValue(originDistances),
                TargetDistancesPath = parseResult.GetValue(targetDistances),
                OriginsPath = parseResult.GetValue(origins),
                TargetsPath = parseResult.GetValue(targets),
                OriginAbundancePath = parseResult.GetValue(abundance)!,
                SampleSize = parseResult.GetValue(sampleSize),
                Bootstrap = parseResult.GetValue(bootstrap),
                Seed = parseResult.GetValue(seed),
                OutDirectory = parseResult.GetValue(output)!,
            }, cancellationToken);
            return Task.FromResult(Print(report, parseResult.GetValue(output)!));
        }));
        return command;
    }

    private static int Print(MigratoryConnectivityFileReport report, string outDirectory)
    {
        if (!report.Succeeded)
        {
            foreach (var error in report.Errors.Take(50))
            {
                Console.Error.WriteLine(error);
            }
            Cli.Error($"{report.Errors.Count} problem(s) in the input; nothing written.");
            return 1;
        }
        var r = report.Result!;
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
        Console.WriteLine(line);
        Console.WriteLine($"-> {Path.Combine(outDirectory, "summary.json")}, {Path.Combine(outDirectory, "psi.csv")}");
        return 0;
    }

    private static string Format(double x) => double.IsFinite(x) ? x.ToString("0.####", CultureInfo.InvariantCulture) : "undefined";
}
