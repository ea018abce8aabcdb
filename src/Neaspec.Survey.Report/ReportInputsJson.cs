using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Neaspec.Survey.Report;

/// <summary>
/// inputs.json: what a report was computed from and how, for a script or a reviewer: the window and where its dates
/// come from, which links and why, the thresholds, A_L, the candidate sites with their location, the counted sites no
/// tagged bird visited, the sensitivity summary and the command that reproduces it. No time stamp, so two runs on
/// the same input write the same bytes.
/// </summary>
internal static class ReportInputsJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        // Names in Hangul, Hanzi or Cyrillic and the command's quotes stay readable; JSON's own escapes still apply
        // (the file is read as JSON, never pasted into HTML, where the relaxed escaping would matter).
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Task WriteAsync(ConnectivityReport report, string path, CancellationToken cancellationToken) =>
        File.WriteAllTextAsync(path, Text(report), new UTF8Encoding(false), cancellationToken);

    private static void Write(Utf8JsonWriter json, ConnectivityReport report)
    {
        var i = report.Inputs;
        var r = i.Request;
        json.WriteStartObject();
        json.WriteString("species", i.Species);
        json.WriteString("species_asked", r.Species);
        json.WriteString("season", i.Window.Season.Name);
        json.WriteNumber("year", i.Window.Year);
        json.WriteStartObject("window");
        json.WriteString("from", i.Window.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteString("to", i.Window.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteString("time_zone", i.Window.Season.TimeZone);
        json.WriteString("source", i.WindowSource);
        json.WriteEndObject();
        json.WriteStartObject("links");
        json.WriteString("used", LinkDecision.Option(i.Links.Choice));
        json.WriteBoolean("asked", i.Links.Asked);
        json.WriteString("reason", i.Links.Reason);
        json.WriteStartArray("runs");
        foreach (var run in report.Runs)
        {
            json.WriteStringValue(run.Key);
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteStartArray("distances_km");
        foreach (var d in r.DistancesKm)
        {
            json.WriteNumberValue(d);
        }
        json.WriteEndArray();
        json.WriteNumber("probability", r.Probability);
        json.WriteStartObject("thresholds");
        foreach (var (option, value, _, _) in ReportCommandLine.Thresholds(r.Stays, r.SiteAssignment))
        {
            json.WriteNumber(option.Replace('-', '_'), value);
        }
        json.WriteEndObject();
        json.WriteString("weighting", WeightingNames.Option(r.Weighting));
        json.WriteNumber("area_total", report.Runs.Count > 0 ? report.Runs[0].Result.AreaTotal : i.Nodes.Sum(n => n.Weight));
        json.WriteBoolean("area_total_given", r.AreaTotal is not null);
        WriteTelemetry(json, i);
        WriteSensitivity(json, report.Sensitivity);
        json.WriteString("command", ReportCommandLine.Of(i));
        json.WriteEndObject();
    }

    private static void WriteTelemetry(Utf8JsonWriter json, ConnectivityInputs i)
    {
        json.WriteNumber("fixes", i.Fixes.Count);
        json.WriteNumber("tagged_birds", i.Fixes.Select(f => f.Individual).Distinct(StringComparer.Ordinal).Count());
        json.WriteNumber("moves", i.Telemetry?.Moves.Count ?? 0);
        json.WriteStartArray("candidate_sites");
        foreach (var c in i.Candidates)
        {
            json.WriteStartObject();
            json.WriteString("code", c.Code);
            json.WriteNumber("longitude", c.Longitude);
            json.WriteNumber("latitude", c.Latitude);
            json.WriteNumber("individuals", c.Individuals);
            json.WriteNumber("stays", c.Stays.Count);
            json.WriteString("country_of_nearest_site", i.Sites[c.Code].Country);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        if (i.UnvisitedSites is { } unvisited)
        {
            json.WriteStartArray("unvisited_by_tagged_birds");
            foreach (var code in unvisited)
            {
                json.WriteStringValue(code);
            }
            json.WriteEndArray();
        }
        else
        {
            json.WriteNull("unvisited_by_tagged_birds");
        }
    }

    private static void WriteSensitivity(Utf8JsonWriter json, SensitivityResult? sensitivity)
    {
        if (sensitivity is null)
        {
            json.WriteNull("sensitivity");
            return;
        }
        json.WriteStartObject("sensitivity");
        json.WriteNumber("k", sensitivity.K);
        json.WriteStartArray("settings");
        foreach (var s in sensitivity.Settings)
        {
            json.WriteStartObject();
            json.WriteString("parameter", s.Setting.Parameter);
            Number(json, "value", s.Setting.Value);
            json.WriteNumber("factor", s.Setting.Factor);
            Number(json, "kendall_tau_b", s.TauB);
            json.WriteNumber("top_k_same", s.TopKSame);
            json.WriteNumber("nodes", s.Nodes);
            json.WriteNumber("links", s.Links);
            if (s.Problem is not null)
            {
                json.WriteString("problem", s.Problem);
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>JSON has no NaN: an undefined number is null.</summary>
    private static void Number(Utf8JsonWriter json, string name, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumber(name, value);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    /// <summary>The JSON as text.</summary>
    public static string Text(ConnectivityReport report)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            Write(json, report);
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }
}
