using System.CommandLine;
using Neaspec.Survey.Connectivity;
using Neaspec.Survey.Files.Connectivity;
using Neaspec.Survey.Report;

namespace Neaspec.Survey.Cli.Commands;

/// <summary>
/// The options of <c>neaspec connectivity</c> that are its own (the report's link choice and thresholds are
/// <see cref="AnalysisOptions"/>): the file mode's --nodes, --edges, --probability, --min-probability, --directed; the
/// database mode's --species, --season, --year; and --distance-km, --area-total, --out for both. Maps them onto
/// <see cref="ConnectivityFileOptions"/> or a <see cref="ReportRequest"/>.
/// </summary>
internal sealed class ConnectivityOptionSet
{
    private readonly Option<string> nodes = new("--nodes")
    {
        Description = "Sites CSV: id,lon,lat,attribute[,country] (WGS84 degrees; attribute = node weight a_i).",
    };

    private readonly Option<string?> species = new("--species")
    {
        Description = "From the database instead of --nodes: the species (any catalogue name).",
    };

    private readonly Option<string?> season = CreateSeason();

    private readonly Option<int?> year = new("--year") { Description = "With --species: the season's year (winter 2025 = Dec 2024 - Feb 2025)." };

    private readonly Option<string?> edges = new("--edges")
    {
        Description = "Links CSV: from,to,p. Without it, links come from distance decay over the coordinates.",
    };

    private readonly Option<string?> distances = new("--distance-km")
    {
        Description = "Median dispersal distance d0 in km, or several (50,100,250,500): one analysis each.",
    };

    private readonly Option<double> probability = new("--probability")
    {
        Description = "p0, the link probability at d0 (default 0.5).",
        DefaultValueFactory = _ => 0.5,
    };

    private readonly Option<double> minimum = new("--min-probability")
    {
        Description = "Prune distance-decay links with p below this (default 0: none; see docs/connectivity.md).",
        DefaultValueFactory = _ => 0,
    };

    private readonly Option<double?> area = new("--area-total")
    {
        Description = "A_L, the total attribute of the study area for PC and IIC (default: sum of attributes).",
    };

    private readonly Option<bool> directed = new("--directed")
    {
        Description = "Edges are directed: a row from,to,p is the link from -> to only.",
    };

    private readonly Option<string> output = new("--out")
    {
        Description = "Output folder for nodes.csv and summary.json (one sub-folder per distance when several).",
        Required = true,
    };

    /// <summary>Adds the options to <paramref name="command"/>, in the order the help lists them.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { nodes, species, season, year, edges, distances, probability, minimum, area, directed, output })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The --out folder.</summary>
    public string OutDirectory(ParseResult parseResult) => parseResult.GetValue(output)!;

    /// <summary>The --species given (database mode), or null.</summary>
    public string? Species(ParseResult parseResult) => parseResult.GetValue(species);

    /// <summary>Whether --nodes was given (file mode).</summary>
    public bool HasNodes(ParseResult parseResult) => parseResult.GetValue(nodes) is not null;

    /// <summary>The --distance-km list (empty when not given), or false and the reason.</summary>
    public bool TryReadDistances(ParseResult parseResult, out IReadOnlyList<double> distanceList, out string? error)
    {
        distanceList = [];
        error = null;
        return parseResult.GetValue(distances) is not { } text
            || ConnectivityFiles.TryParseDistances(text, out distanceList, out error);
    }

    /// <summary>
    /// The database mode's request before <see cref="AnalysisOptions.Apply"/>, or null when --season or --year is
    /// missing. Without --distance-km it runs the report's default distances.
    /// </summary>
    public ReportRequest? Request(ParseResult parseResult, string speciesName, IReadOnlyList<double> distanceList)
    {
        if (parseResult.GetValue(season) is not { } seasonName || parseResult.GetValue(year) is not { } seasonYear)
        {
            return null;
        }
        return new ReportRequest
        {
            Species = speciesName,
            Season = seasonName,
            Year = seasonYear,
            DistancesKm = distanceList.Count > 0 ? distanceList : [50, 100, 250, 500],
            AreaTotal = parseResult.GetValue(area),
        };
    }

    /// <summary>The file mode's options.</summary>
    public ConnectivityFileOptions FileOptions(ParseResult parseResult, IReadOnlyList<double> distanceList) => new()
    {
        NodesPath = parseResult.GetValue(nodes)!,
        EdgesPath = parseResult.GetValue(edges),
        DistancesKm = distanceList,
        Probability = parseResult.GetValue(probability),
        MinimumProbability = parseResult.GetValue(minimum),
        AreaTotal = parseResult.GetValue(area),
        Directed = parseResult.GetValue(directed),
        OutDirectory = parseResult.GetValue(output)!,
    };

    private static Option<string?> CreateSeason()
    {
        var option = new Option<string?>("--season") { Description = "With --species: spring, breeding, autumn or winter." };
        option.AcceptOnlyFromAmong([.. Season.Defaults.Select(x => x.Name)]);
        return option;
    }
}
