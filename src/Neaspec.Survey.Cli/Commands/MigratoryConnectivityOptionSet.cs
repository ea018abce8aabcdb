using System.CommandLine;
using Neaspec.Survey.Files.Migratory;
using Neaspec.Survey.Report;

namespace Neaspec.Survey.Cli.Commands;

/// <summary>
/// The options of <c>neaspec migratory-connectivity</c>: the file mode's inputs (--psi, --individuals, the distance
/// matrices or region points, --sample-size), the database mode's --species, --year and the seasons and regions of
/// <see cref="MigratoryOptionSet"/>, and --origin-abundance, --bootstrap, --seed, --out for both. Maps them onto
/// <see cref="MigratoryConnectivityFileOptions"/> or a <see cref="ReportRequest"/>.
/// </summary>
internal sealed class MigratoryConnectivityOptionSet
{
    private readonly Option<string?> psi = new("--psi") { Description = "Transition probabilities: header id,<target ids>, one row per origin, rows summing to 1." };

    private readonly Option<string?> individuals = new("--individuals")
    {
        Description = "Tracked birds: id,origin,target[,origin_lon,origin_lat,target_lon,target_lat]. psi is estimated from them, N is their number; needed by --bootstrap, and the points give rM.",
    };

    private readonly Option<string?> originDistances = new("--origin-distances") { Description = "Origin-origin distances: square symmetric matrix, header id,<origin ids> (any unit)." };

    private readonly Option<string?> targetDistances = new("--target-distances") { Description = "Target-target distances: square symmetric matrix, header id,<target ids>." };

    private readonly Option<string?> origins = new("--origins") { Description = "Origin regions id,lon,lat: great-circle km instead of --origin-distances." };

    private readonly Option<string?> targets = new("--targets") { Description = "Target regions id,lon,lat: great-circle km instead of --target-distances." };

    private readonly Option<string?> abundance = new("--origin-abundance")
    {
        Description = "Origin abundance id,abundance (relative or absolute; normalised). Needed in file mode; in database mode it replaces the census peak counts (ids = region ids).",
    };

    private readonly Option<double?> sampleSize = new("--sample-size") { Description = "N animals psi was estimated from: the small-sample MC (without it, MC(R))." };

    private readonly Option<int?> bootstrap = new("--bootstrap")
    {
        Description = "B replicates of a bootstrap over the individuals (e.g. 1000): MC_ci_low, MC_ci_high. Database mode: default 1000, 0 = none.",
    };

    private readonly Option<long?> seed = new("--seed") { Description = "Seed of the bootstrap: the same seed gives the same intervals (drawn and reported when absent)." };

    private readonly Option<string> output = new("--out") { Description = "Output folder for summary.json and psi.csv.", Required = true };

    private readonly Option<string?> species = new("--species") { Description = "Database mode: the species (any catalogue name); the birds' ends come from their stays." };

    private readonly Option<int?> year = new("--year") { Description = "Database mode: the origin season's year (winter Y = 1 Dec Y-1 - end of Feb Y)." };

    private readonly MigratoryOptionSet database = new("--");

    /// <summary>Adds the options to <paramref name="command"/>, in the order the help lists them.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { psi, individuals, originDistances, targetDistances, origins, targets, abundance, sampleSize, bootstrap, seed, output })
        {
            command.Options.Add(option);
        }
        foreach (var option in database.Options.Prepend(year).Prepend(species))
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The --out folder.</summary>
    public string OutDirectory(ParseResult parseResult) => parseResult.GetValue(output)!;

    /// <summary>The --origin-abundance file, or null.</summary>
    public string? AbundancePath(ParseResult parseResult) => parseResult.GetValue(abundance);

    /// <summary>Whether the options ask for database mode (--species or a season or region option).</summary>
    public bool DatabaseMode(ParseResult parseResult) => parseResult.GetValue(species) is not null || database.Given(parseResult);

    /// <summary>The file mode's options that were given (database mode refuses them).</summary>
    public string[] FileModeOptionsGiven(ParseResult parseResult) =>
        [.. new Option[] { psi, individuals, originDistances, targetDistances, origins, targets, sampleSize }
            .Where(o => parseResult.GetResult(o) is not null).Select(o => o.Name)];

    /// <summary>The database mode's request (without the origin abundance), or null when --species, --year or a
    /// season is missing.</summary>
    public ReportRequest? Request(ParseResult parseResult)
    {
        var problems = new List<string>();
        var migratory = database.Request(parseResult, null, null, problems);
        if (parseResult.GetValue(species) is not { } name || parseResult.GetValue(year) is not { } y || migratory is null)
        {
            return null;
        }
        return new ReportRequest
        {
            Species = name,
            Season = migratory.OriginSeason,
            Year = y,
            Birds = new ReportBirdOptions { Bootstrap = parseResult.GetValue(bootstrap), Seed = parseResult.GetValue(seed), Migratory = migratory },
        };
    }

    /// <summary>The file mode's options.</summary>
    public MigratoryConnectivityFileOptions FileOptions(ParseResult parseResult) => new()
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
    };
}
