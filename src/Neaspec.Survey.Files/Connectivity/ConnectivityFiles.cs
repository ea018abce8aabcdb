using System.Globalization;
using System.Text.Json.Nodes;
using Neaspec.Survey.Connectivity;

namespace Neaspec.Survey.Files.Connectivity;

/// <summary>
/// File mode of the connectivity analysis: NODES.csv (and EDGES.csv) in, nodes.csv and summary.json out.
/// The analysis is the pure library's (<see cref="ConnectivityAnalysis"/>); this reads and checks the files
/// (<see cref="NodesFile"/>, <see cref="EdgesFile"/>) and writes the results (<see cref="FileModeOutput"/>).
/// </summary>
/// <remarks>
/// One distance writes DIR/nodes.csv and DIR/summary.json. Several distances write one folder per distance
/// (DIR/d100km/, DIR/d12.5km/) each with its nodes.csv and summary.json, and DIR/summary.json lists every
/// run's summary with its folder, so a script reads one file to compare thresholds.
/// </remarks>
public static class ConnectivityFiles
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Reads the inputs, runs the analysis for each distance and writes the outputs.</summary>
    public static ConnectivityFileReport Run(ConnectivityFileOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = options.Check();
        if (errors.Count > 0)
        {
            return new ConnectivityFileReport(errors, []);
        }
        var nodes = NodesFile.Read(options.NodesPath, errors);
        List<SiteLink>? links = null;
        if (options.EdgesPath is { } edgesPath && nodes.Count > 0)
        {
            links = EdgesFile.Read(edgesPath, nodes, options.Directed, errors);
        }
        if (errors.Count > 0)
        {
            return new ConnectivityFileReport(errors, []);
        }

        Directory.CreateDirectory(options.OutDirectory);
        return links is not null ? RunEdges(options, nodes, links) : RunDistances(options, nodes);
    }

    /// <summary>Parses "50,100,250" into distances in km, or explains what is wrong.</summary>
    public static bool TryParseDistances(string text, out IReadOnlyList<double> distances, out string? error)
    {
        var list = new List<double>();
        distances = list;
        error = null;
        foreach (var part in (text ?? "").Split(',', StringSplitOptions.TrimEntries))
        {
            if (!double.TryParse(part, NumberStyles.Float, Invariant, out var d) || !(d > 0) || double.IsInfinity(d))
            {
                error = $"'{part}' is not a positive number of km (give e.g. 50,100,250)";
                return false;
            }
            list.Add(d);
        }
        if (list.Distinct().Count() != list.Count)
        {
            error = "a distance is given twice";
            return false;
        }
        return true;
    }

    /// <summary>The sub-folder of one distance when several are run: d100km, d12.5km.</summary>
    public static string FolderName(double distanceKm) => "d" + distanceKm.ToString(Invariant) + "km";

    private static ConnectivityFileReport RunEdges(ConnectivityFileOptions options, List<SiteNode> nodes, List<SiteLink> links)
    {
        var analysisOptions = new ConnectivityOptions { AreaTotal = options.AreaTotal };
        var result = ConnectivityAnalysis.Run(SiteNetwork.FromLinks(nodes, links, options.Directed), analysisOptions);
        FileModeOutput.Write(options.OutDirectory, result, FileModeOutput.Summary(result, options, null));
        return new ConnectivityFileReport([], [new ConnectivityFileRun(null, options.OutDirectory, result)]);
    }

    private static ConnectivityFileReport RunDistances(ConnectivityFileOptions options, List<SiteNode> nodes)
    {
        var analysisOptions = new ConnectivityOptions { AreaTotal = options.AreaTotal };
        var runs = new List<ConnectivityFileRun>();
        var several = options.DistancesKm.Count > 1;
        var combined = new JsonArray();
        foreach (var distance in options.DistancesKm)
        {
            var decay = new DistanceDecay(distance, options.Probability);
            var result = ConnectivityAnalysis.Run(decay.Build(nodes, options.MinimumProbability), analysisOptions);
            var folder = several ? Path.Combine(options.OutDirectory, FolderName(distance)) : options.OutDirectory;
            Directory.CreateDirectory(folder);
            var summary = FileModeOutput.Summary(result, options, distance);
            FileModeOutput.Write(folder, result, summary);
            if (several)
            {
                var entry = (JsonObject)summary.DeepClone();
                entry.Insert(0, "folder", FolderName(distance));
                combined.Add(entry);
            }
            runs.Add(new ConnectivityFileRun(distance, folder, result));
        }
        if (several)
        {
            FileModeOutput.WriteJson(Path.Combine(options.OutDirectory, "summary.json"), new JsonObject { ["runs"] = combined });
        }
        return new ConnectivityFileReport([], runs);
    }
}
