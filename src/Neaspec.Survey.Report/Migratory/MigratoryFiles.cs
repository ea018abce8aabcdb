using System.Text.Json.Nodes;
using Neaspec.Survey.Files;
using Neaspec.Survey.Files.Migratory;

namespace Neaspec.Survey.Report.Migratory;

/// <summary>
/// What an MC run from the database writes into its folder: summary.json and psi.csv as file mode writes them (plus
/// the species, seasons, regions and bird counts), birds.csv (every tracked bird, used or dropped and why),
/// regions.csv, and the birds as file-mode inputs (individuals.csv, origins.csv, targets.csv, abundance.csv) so
/// <c>neaspec migratory-connectivity --individuals ...</c> reproduces the numbers. Every CSV goes through
/// <see cref="CsvOutput"/>; all files are written under temporary names and renamed at the end.
/// </summary>
public static class MigratoryFiles
{
    /// <summary>The file names, in the order they are written.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["birds.csv", "regions.csv", "individuals.csv", "origins.csv", "targets.csv", "abundance.csv", "psi.csv", "summary.json"];

    /// <summary>Writes the files into <paramref name="directory"/>; without MC (<see cref="MigratoryAnalysis.WhyNot"/>) only
    /// birds.csv and regions.csv, which say why.</summary>
    public static void Write(MigratoryAnalysis analysis, string directory)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var inputs = analysis.Inputs;
        var files = new List<(string, Action<string>)>
        {
            ("birds.csv", path => WriteBirds(path, inputs)),
            ("regions.csv", path => WriteRegions(path, inputs)),
        };
        if (analysis.Estimate is { } estimate)
        {
            var regions = analysis.Regions;
            files.AddRange(
            [
                ("individuals.csv", path => WriteIndividuals(path, inputs)),
                ("origins.csv", path => WritePoints(path, inputs.Origins)),
                ("targets.csv", path => WritePoints(path, inputs.Targets)),
                ("abundance.csv", path => WriteAbundance(path, inputs.Origins)),
                ("psi.csv", path => MigratoryOutput.WritePsi(path, regions, estimate.Point.Psi, estimate)),
                ("summary.json", path => MigratoryOutput.WriteJson(path, Summary(analysis))),
            ]);
        }
        MigratoryOutput.WriteAtomically(directory, files);
    }

    /// <summary>File mode's summary and what the database run adds: species, seasons, regions, abundance, birds.</summary>
    public static JsonObject Summary(MigratoryAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var i = analysis.Inputs;
        var json = MigratoryOutput.Summary(analysis.Result!, analysis.Regions, analysis.Estimate!.Bootstrap);
        json["species"] = i.Species;
        json["originSeason"] = i.OriginWindow.ToString();
        json["targetSeason"] = i.TargetWindow.ToString();
        json["regions"] = i.Migratory.Regions.ToString().ToLowerInvariant();
        json["regionDistanceKm"] = i.Migratory.RegionDistanceKm;
        json["originAbundance"] = i.AbundanceSource;
        json["birds"] = new JsonObject
        {
            ["tracked"] = i.Birds.Count,
            ["used"] = i.Birds.Count(b => b.Used),
            ["dropped"] = i.Birds.Count(b => !b.Used),
        };
        if (analysis.IntervalNote is { } note)
        {
            json["noInterval"] = note;
        }
        return json;
    }

    private static void WriteBirds(string path, MigrationInputs inputs)
    {
        using var csv = CsvOutput.ToFile(path);
        csv.WriteHeader(["individual", "used", "dropped_because", "origin_region", "origin_site", "origin_lon", "origin_lat", "origin_days",
            "target_region", "target_site", "target_lon", "target_lat", "target_days"]);
        foreach (var b in inputs.Birds)
        {
            csv.WriteField(b.Individual);
            csv.WriteField(b.Used ? "yes" : "no");
            csv.WriteField(b.Dropped ?? "");
            foreach (var end in new[] { b.Origin, b.Target })
            {
                csv.WriteField(end?.Region ?? "");
                csv.WriteField(end?.Site ?? "");
                csv.WriteField(end?.Longitude);
                csv.WriteField(end?.Latitude);
                csv.WriteField(end?.Days);
            }
            csv.EndRecord();
        }
    }

    private static void WriteRegions(string path, MigrationInputs inputs)
    {
        using var csv = CsvOutput.ToFile(path);
        csv.WriteHeader(["side", "region", "sites", "lon", "lat", "abundance", "relative_abundance", "birds"]);
        var total = inputs.Origins.Sum(o => o.Abundance ?? 0);
        foreach (var (side, regions) in new[] { ("origin", inputs.Origins), ("target", inputs.Targets) })
        {
            foreach (var r in regions)
            {
                csv.WriteField(side);
                csv.WriteField(r.Id);
                csv.WriteField(string.Join(" ", r.Sites));
                csv.WriteField(r.Longitude);
                csv.WriteField(r.Latitude);
                csv.WriteField(r.Abundance);
                csv.WriteField(r.Abundance is { } a && total > 0 ? a / total : null);
                csv.WriteField(r.Birds);
                csv.EndRecord();
            }
        }
    }

    private static void WriteIndividuals(string path, MigrationInputs inputs)
    {
        using var csv = CsvOutput.ToFile(path);
        csv.WriteHeader(["id", "origin", "target", "origin_lon", "origin_lat", "target_lon", "target_lat"]);
        foreach (var b in inputs.Birds.Where(b => b.Used))
        {
            csv.WriteField(b.Individual);
            csv.WriteField(b.Origin!.Region);
            csv.WriteField(b.Target!.Region);
            csv.WriteField(b.Origin.Longitude);
            csv.WriteField(b.Origin.Latitude);
            csv.WriteField(b.Target.Longitude);
            csv.WriteField(b.Target.Latitude);
            csv.EndRecord();
        }
    }

    private static void WritePoints(string path, IReadOnlyList<MigrationRegion> regions)
    {
        using var csv = CsvOutput.ToFile(path);
        csv.WriteHeader(["id", "lon", "lat"]);
        foreach (var r in regions)
        {
            csv.WriteField(r.Id);
            csv.WriteField(r.Longitude);
            csv.WriteField(r.Latitude);
            csv.EndRecord();
        }
    }

    private static void WriteAbundance(string path, IReadOnlyList<MigrationRegion> origins)
    {
        using var csv = CsvOutput.ToFile(path);
        csv.WriteHeader(["id", "abundance"]);
        foreach (var r in origins)
        {
            csv.WriteField(r.Id);
            csv.WriteField(r.Abundance ?? 0);
            csv.EndRecord();
        }
    }
}
