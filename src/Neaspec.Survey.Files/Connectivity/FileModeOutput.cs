using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Neaspec.Survey.Connectivity;

namespace Neaspec.Survey.Files.Connectivity;

/// <summary>What file mode writes per run: nodes.csv (per site: dPC and its fractions, dIIC, BC, in
/// round-trip precision, through <see cref="CsvOutput"/>) and summary.json (the whole-network indices).</summary>
internal static class FileModeOutput
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The summary.json of one run: its parameters, PC, EC, IIC, the PC fractions and country pairs.</summary>
    public static JsonObject Summary(ConnectivityResult r, ConnectivityFileOptions o, double? distance)
    {
        var json = new JsonObject
        {
            ["distanceKm"] = distance,
            ["probability"] = distance is null ? null : o.Probability,
            ["minimumProbability"] = distance is null ? null : o.MinimumProbability,
            ["directed"] = o.Directed,
            ["PC"] = r.PC,
            ["EC"] = r.EC,
            ["IIC"] = r.IIC,
            ["PCintra"] = r.PCintra,
            ["PCdirect"] = r.PCdirect,
            ["PCstep"] = r.PCstep,
            ["PCnum"] = r.PCnum,
            ["IICnum"] = r.IICnum,
            ["areaTotal"] = r.AreaTotal,
            ["nodes"] = r.Nodes,
            ["links"] = r.Links,
            ["iicLinks"] = r.IicLinks,
            ["components"] = r.Components,
        };
        if (r.CountryPairs is { } pairs)
        {
            json["transboundaryShare"] = pairs.TransboundaryShare;
            json["countryPairs"] = new JsonArray(pairs.Pairs
                .Select(p => (JsonNode)new JsonObject { ["from"] = p.From, ["to"] = p.To, ["PCnum"] = p.PCnum, ["share"] = p.Share })
                .ToArray());
        }
        return json;
    }

    /// <summary>Writes FOLDER/nodes.csv and FOLDER/summary.json.</summary>
    public static void Write(string folder, ConnectivityResult result, JsonObject summary)
    {
        WriteNodes(Path.Combine(folder, "nodes.csv"), result);
        WriteJson(Path.Combine(folder, "summary.json"), summary);
    }

    /// <summary>nodes.csv: id,dPC,dPCintra,dPCflux,dPCconnector,dIIC,BC. The id comes from the user's file, so
    /// it is text a spreadsheet could run (escaped); the numbers are written as numbers.</summary>
    public static void WriteNodes(string path, ConnectivityResult result)
    {
        using var csv = CsvOutput.ToFile(path);
        csv.WriteHeader(["id", "dPC", "dPCintra", "dPCflux", "dPCconnector", "dIIC", "BC"]);
        foreach (var v in result.PerNode)
        {
            csv.WriteField(v.Id);
            foreach (var x in new[] { v.DPC, v.DPCintra, v.DPCflux, v.DPCconnector, v.DIIC, v.BC })
            {
                csv.WriteField(x);
            }
            csv.EndRecord();
        }
    }

    /// <summary>Indented JSON, UTF-8 without BOM, ending in a line break.</summary>
    public static void WriteJson(string path, JsonNode json) =>
        File.WriteAllText(path, json.ToJsonString(Indented) + "\n", new UTF8Encoding(false));
}
