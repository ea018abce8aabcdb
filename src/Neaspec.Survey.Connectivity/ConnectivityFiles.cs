using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Neaspec.Survey.Connectivity;

/// <summary>One problem with the input of file mode: where it is and why it is refused.</summary>
/// <param name="File">The file (or the option) at fault.</param>
/// <param name="Line">1-based line of the record (the header is line 1); 0 for an option or a whole-file problem.</param>
/// <param name="Column">The column name (or option name).</param>
/// <param name="Value">The value as given.</param>
/// <param name="Reason">What is wrong, in words a user can act on.</param>
public sealed record InputError(string File, int Line, string Column, string Value, string Reason)
{
    /// <summary>"file, line 4, column lat, value '91': reason".</summary>
    public override string ToString() =>
        Line > 0
            ? $"{File}, line {Line}, column {Column}, value '{Value}': {Reason}"
            : $"{File}, {Column} '{Value}': {Reason}";
}

/// <summary>Options of <see cref="ConnectivityFiles.Run"/>, one per command-line option.</summary>
public sealed record ConnectivityFileOptions
{
    /// <summary>NODES.csv: id,lon,lat,attribute and an optional country column.</summary>
    public required string NodesPath { get; init; }

    /// <summary>EDGES.csv: from,to,p; null builds a distance-decay network from the coordinates.</summary>
    public string? EdgesPath { get; init; }

    /// <summary>d0 values in km; one analysis per value. Required without edges, refused with them.</summary>
    public IReadOnlyList<double> DistancesKm { get; init; } = [];

    /// <summary>p0, the probability at d0 (default 0.5).</summary>
    public double Probability { get; init; } = 0.5;

    /// <summary>Distance-decay links with p below this are pruned (default 0: none).</summary>
    public double MinimumProbability { get; init; }

    /// <summary>A_L; null means the sum of the attributes.</summary>
    public double? AreaTotal { get; init; }

    /// <summary>Edges are directed (from -> to only).</summary>
    public bool Directed { get; init; }

    /// <summary>Output folder; created when missing.</summary>
    public required string OutDirectory { get; init; }
}

/// <summary>One analysis written by file mode.</summary>
/// <param name="DistanceKm">d0 of this run, null with an edges file.</param>
/// <param name="Directory">The folder holding its nodes.csv and summary.json.</param>
/// <param name="Result">The analysis.</param>
public sealed record ConnectivityFileRun(double? DistanceKm, string Directory, ConnectivityResult Result);

/// <summary>What file mode did: either errors (and nothing written) or the runs written.</summary>
public sealed record ConnectivityFileReport(IReadOnlyList<InputError> Errors, IReadOnlyList<ConnectivityFileRun> Runs)
{
    /// <summary>True when the input was accepted and the outputs written.</summary>
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// File mode of the connectivity analysis: NODES.csv (and EDGES.csv) in, nodes.csv and summary.json out.
/// </summary>
/// <remarks>
/// One distance writes DIR/nodes.csv and DIR/summary.json. Several distances write one folder per distance
/// (DIR/d100km/, DIR/d12.5km/) each with its nodes.csv and summary.json, and DIR/summary.json lists every
/// run's summary with its folder, so a script reads one file to compare thresholds.
/// </remarks>
public static class ConnectivityFiles
{
    private const int MaxErrors = 100;
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Reads the inputs, runs the analysis for each distance and writes the outputs.</summary>
    public static ConnectivityFileReport Run(ConnectivityFileOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = CheckOptions(options);
        if (errors.Count > 0)
        {
            return new ConnectivityFileReport(errors, []);
        }
        var nodes = ReadNodes(options.NodesPath, errors);
        List<SiteLink>? links = null;
        if (options.EdgesPath is { } edgesPath && nodes.Count > 0)
        {
            links = ReadEdges(edgesPath, nodes, options.Directed, errors);
        }
        if (errors.Count > 0)
        {
            return new ConnectivityFileReport(errors, []);
        }

        var analysisOptions = new ConnectivityOptions { AreaTotal = options.AreaTotal };
        var runs = new List<ConnectivityFileRun>();
        Directory.CreateDirectory(options.OutDirectory);
        if (links is not null)
        {
            var result = ConnectivityAnalysis.Run(SiteNetwork.FromLinks(nodes, links, options.Directed), analysisOptions);
            Write(options.OutDirectory, result, Summary(result, options, null));
            runs.Add(new ConnectivityFileRun(null, options.OutDirectory, result));
            return new ConnectivityFileReport([], runs);
        }

        var several = options.DistancesKm.Count > 1;
        var combined = new JsonArray();
        foreach (var distance in options.DistancesKm)
        {
            var decay = new DistanceDecay(distance, options.Probability);
            var result = ConnectivityAnalysis.Run(decay.Build(nodes, options.MinimumProbability), analysisOptions);
            var folder = several ? Path.Combine(options.OutDirectory, FolderName(distance)) : options.OutDirectory;
            Directory.CreateDirectory(folder);
            var summary = Summary(result, options, distance);
            Write(folder, result, summary);
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
            WriteJson(Path.Combine(options.OutDirectory, "summary.json"), new JsonObject { ["runs"] = combined });
        }
        return new ConnectivityFileReport([], runs);
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

    private static List<InputError> CheckOptions(ConnectivityFileOptions o)
    {
        var errors = new List<InputError>();
        void Bad(string option, object? value, string reason) =>
            errors.Add(new InputError("options", 0, option, Convert.ToString(value, Invariant) ?? "", reason));

        if (!File.Exists(o.NodesPath))
        {
            Bad("--nodes", o.NodesPath, "no such file");
        }
        if (o.EdgesPath is not null && !File.Exists(o.EdgesPath))
        {
            Bad("--edges", o.EdgesPath, "no such file");
        }
        if (o.EdgesPath is not null && o.DistancesKm.Count > 0)
        {
            Bad("--distance-km", string.Join(",", o.DistancesKm.Select(d => d.ToString(Invariant))),
                "an edges file gives the link probabilities; give either --edges or --distance-km");
        }
        if (o.EdgesPath is null && o.DistancesKm.Count == 0)
        {
            Bad("--distance-km", "", "without --edges the links come from distance decay and need d0 in km");
        }
        if (o.DistancesKm.Any(d => !(d > 0) || double.IsInfinity(d)))
        {
            Bad("--distance-km", string.Join(",", o.DistancesKm), "distances must be positive numbers of km");
        }
        if (!(o.Probability > 0 && o.Probability < 1))
        {
            Bad("--probability", o.Probability, "p0 must be strictly between 0 and 1");
        }
        if (!(o.MinimumProbability >= 0 && o.MinimumProbability < 1))
        {
            Bad("--min-probability", o.MinimumProbability, "must be in [0, 1)");
        }
        if (o.AreaTotal is { } area && (!(area > 0) || double.IsInfinity(area)))
        {
            Bad("--area-total", area, "A_L must be a positive number");
        }
        if (o.Directed && o.EdgesPath is null)
        {
            Bad("--directed", "true", "only an edges file can be directed; distance decay is symmetric");
        }
        return errors;
    }

    private static List<SiteNode> ReadNodes(string path, List<InputError> errors)
    {
        var file = Path.GetFileName(path);
        var nodes = new List<SiteNode>();
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        using var records = CsvRecords.Read(path).GetEnumerator();
        if (!records.MoveNext())
        {
            errors.Add(new InputError(file, 1, "(header)", "", "the file is empty; expected the header id,lon,lat,attribute[,country]"));
            return nodes;
        }
        var header = Header(records.Current, file, ["id", "lon", "lat", "attribute"], errors);
        if (header is null)
        {
            return nodes;
        }
        var countryAt = Array.FindIndex(records.Current.Fields, f => string.Equals(f.Trim(), "country", StringComparison.OrdinalIgnoreCase));
        while (records.MoveNext() && errors.Count < MaxErrors)
        {
            var (line, fields) = records.Current;
            if (fields.Length < header.Values.Max() + 1)
            {
                errors.Add(new InputError(file, line, "(row)", string.Join(",", fields),
                    $"expected at least {header.Values.Max() + 1} fields, found {fields.Length}"));
                continue;
            }
            var id = fields[header["id"]].Trim();
            var ok = true;
            if (id.Length == 0)
            {
                errors.Add(new InputError(file, line, "id", "", "the site id is empty"));
                ok = false;
            }
            else if (firstLine.TryGetValue(id, out var first))
            {
                errors.Add(new InputError(file, line, "id", id, $"the id is already used on line {first}"));
                ok = false;
            }
            ok &= Number(file, line, "lon", fields[header["lon"]], -180, 180, errors, out var lon);
            ok &= Number(file, line, "lat", fields[header["lat"]], -90, 90, errors, out var lat);
            ok &= Number(file, line, "attribute", fields[header["attribute"]], 0, double.MaxValue, errors, out var attribute);
            var country = countryAt >= 0 && countryAt < fields.Length ? fields[countryAt].Trim() : null;
            if (ok)
            {
                firstLine[id] = line;
                nodes.Add(new SiteNode(id, lon, lat, attribute, string.IsNullOrEmpty(country) ? null : country));
            }
        }
        if (nodes.Count == 0 && errors.Count == 0)
        {
            errors.Add(new InputError(file, 2, "(row)", "", "the file has a header but no site"));
        }
        if (errors.Count == 0 && nodes.Sum(x => x.Weight) <= 0)
        {
            errors.Add(new InputError(file, 0, "attribute", "0", "every attribute is 0, so there is nothing to connect"));
        }
        return nodes;
    }

    private static List<SiteLink> ReadEdges(string path, List<SiteNode> nodes, bool directed, List<InputError> errors)
    {
        var file = Path.GetFileName(path);
        var ids = nodes.Select(x => x.Id).ToHashSet(StringComparer.Ordinal);
        var links = new List<SiteLink>();
        var firstLine = new Dictionary<(string, string), int>();
        using var records = CsvRecords.Read(path).GetEnumerator();
        if (!records.MoveNext())
        {
            errors.Add(new InputError(file, 1, "(header)", "", "the file is empty; expected the header from,to,p"));
            return links;
        }
        var header = Header(records.Current, file, ["from", "to", "p"], errors);
        if (header is null)
        {
            return links;
        }
        while (records.MoveNext() && errors.Count < MaxErrors)
        {
            var (line, fields) = records.Current;
            if (fields.Length < header.Values.Max() + 1)
            {
                errors.Add(new InputError(file, line, "(row)", string.Join(",", fields),
                    $"expected at least {header.Values.Max() + 1} fields, found {fields.Length}"));
                continue;
            }
            var from = fields[header["from"]].Trim();
            var to = fields[header["to"]].Trim();
            var ok = true;
            foreach (var (column, id) in new[] { ("from", from), ("to", to) })
            {
                if (!ids.Contains(id))
                {
                    errors.Add(new InputError(file, line, column, id, "no site with this id in the nodes file"));
                    ok = false;
                }
            }
            if (ok && from == to)
            {
                errors.Add(new InputError(file, line, "to", to, "a link from a site to itself; p_ii is 1 by definition"));
                ok = false;
            }
            ok &= Number(file, line, "p", fields[header["p"]], 0, 1, errors, out var p);
            if (!ok)
            {
                continue;
            }
            var key = directed || string.CompareOrdinal(from, to) < 0 ? (from, to) : (to, from);
            if (firstLine.TryGetValue(key, out var first))
            {
                errors.Add(new InputError(file, line, "to", to,
                    $"the link {from}-{to} is already given on line {first}" + (directed ? "" : " (undirected: i-j and j-i are one link; use --directed for two)")));
                continue;
            }
            firstLine[key] = line;
            links.Add(new SiteLink(from, to, p));
        }
        return links;
    }

    private static Dictionary<string, int>? Header(CsvRecords.Record record, string file, string[] required, List<InputError> errors)
    {
        var names = record.Fields.Select(f => f.Trim().TrimStart('\uFEFF')).ToArray();
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var column in required)
        {
            var at = Array.FindIndex(names, n => string.Equals(n, column, StringComparison.OrdinalIgnoreCase));
            if (at < 0)
            {
                errors.Add(new InputError(file, record.Line, column, string.Join(",", names),
                    $"the header has no '{column}' column; expected {string.Join(",", required)}"));
            }
            index[column] = at;
        }
        return errors.Count > 0 ? null : index;
    }

    private static bool Number(string file, int line, string column, string text, double min, double max,
        List<InputError> errors, out double value)
    {
        var trimmed = text.Trim();
        if (!double.TryParse(trimmed, NumberStyles.Float, Invariant, out value) || !double.IsFinite(value))
        {
            errors.Add(new InputError(file, line, column, text, "not a number (use a dot as decimal separator)"));
            return false;
        }
        if (value < min || value > max)
        {
            errors.Add(new InputError(file, line, column, text,
                max == double.MaxValue ? $"must be >= {min.ToString(Invariant)}" : $"must be between {min.ToString(Invariant)} and {max.ToString(Invariant)}"));
            return false;
        }
        return true;
    }

    private static JsonObject Summary(ConnectivityResult r, ConnectivityFileOptions o, double? distance)
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

    private static void Write(string folder, ConnectivityResult result, JsonObject summary)
    {
        var csv = new StringBuilder("id,dPC,dPCintra,dPCflux,dPCconnector,dIIC,BC\n");
        foreach (var v in result.PerNode)
        {
            csv.Append(Quote(v.Id));
            foreach (var x in new[] { v.DPC, v.DPCintra, v.DPCflux, v.DPCconnector, v.DIIC, v.BC })
            {
                csv.Append(',').Append(x.ToString("R", Invariant));
            }
            csv.Append('\n');
        }
        File.WriteAllText(Path.Combine(folder, "nodes.csv"), csv.ToString(), new UTF8Encoding(false));
        WriteJson(Path.Combine(folder, "summary.json"), summary);
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private static void WriteJson(string path, JsonNode json) =>
        File.WriteAllText(path, json.ToJsonString(Indented) + "\n", new UTF8Encoding(false));

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
