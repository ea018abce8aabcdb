using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Neaspec.Survey.Trends;

namespace Neaspec.Survey.Files.Trends;

/// <summary>
/// File mode of the trend analysis: the counts CSV in; <c>years.csv</c> (totals and indices per year),
/// <c>summary.json</c> (overdispersion, serial correlation, goodness of fit, Wald tests, parameters, overall
/// slopes) and, with a covariate, <c>strata.csv</c> (the same per category) out. Nothing is written unless the
/// counts are accepted and the model fitted.
/// </summary>
public static class TrendFiles
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The columns of years.csv, in order.</summary>
    public static IReadOnlyList<string> YearColumns { get; } =
    [
        "year", "observed_sites", "model_total", "model_total_se", "imputed_total", "imputed_total_se",
        "model_index", "model_index_se", "imputed_index", "imputed_index_se",
    ];

    /// <summary>Reads the counts, fits the model and writes the outputs.</summary>
    public static TrendFileReport Run(TrendFileOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var file = Path.GetFileName(options.CountsPath);
        if (!File.Exists(options.CountsPath))
        {
            return new TrendFileReport([new InputError("options", 0, "--counts", options.CountsPath, "no such file")], null, []);
        }
        var errors = new List<InputError>();
        var input = TrendCountsReader.Read(options.CountsPath, options.Covariate, errors);
        if (input is null)
        {
            return new TrendFileReport(errors, null, []);
        }
        var outcome = TrendAnalysis.Run(input, options.Trend);
        if (outcome.Result is not { } result)
        {
            return new TrendFileReport(outcome.Problems.Select(p => new InputError(file, 0, "", "", p)).ToList(), null, []);
        }
        return new TrendFileReport([], result, Write(result, options.OutDirectory, file));
    }

    /// <summary>
    /// Writes <c>years.csv</c>, <c>summary.json</c> and, with a covariate, <c>strata.csv</c> of a fitted trend into
    /// <paramref name="directory"/> (created when missing): the outputs of file mode, shared by the database mode
    /// and the report. <paramref name="counts"/> names where the counts came from (summary.json's <c>counts</c>);
    /// <paramref name="addToSummary"/> adds the caller's own fields to summary.json.
    /// </summary>
    /// <returns>The files written.</returns>
    public static IReadOnlyList<string> Write(TrendResult result, string directory, string counts, Action<JsonObject>? addToSummary = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        Directory.CreateDirectory(directory);
        var written = new List<string> { Path.Combine(directory, "years.csv"), Path.Combine(directory, "summary.json") };
        WriteYears(written[0], result.YearTotals);
        var summary = Summary(result, counts);
        addToSummary?.Invoke(summary);
        File.WriteAllText(written[1], summary.ToJsonString(Indented) + "\n");
        if (result.Strata.Count > 0)
        {
            written.Add(Path.Combine(directory, "strata.csv"));
            WriteStrata(written[2], result.Strata);
        }
        return written;
    }

    private static void WriteYears(string path, IReadOnlyList<YearTotals> years)
    {
        using var writer = CsvOutput.ToFile(path);
        writer.WriteHeader([.. YearColumns]);
        foreach (var y in years)
        {
            writer.WriteRecord(YearFields(y));
        }
    }

    private static void WriteStrata(string path, IReadOnlyList<StratumTrend> strata)
    {
        using var writer = CsvOutput.ToFile(path);
        writer.WriteHeader(["covariate", "category", .. YearColumns]);
        foreach (var stratum in strata)
        {
            foreach (var y in stratum.Years)
            {
                writer.WriteRecord([stratum.Covariate, stratum.Category, .. YearFields(y)]);
            }
        }
    }

    private static string[] YearFields(YearTotals y) =>
    [
        y.Year.ToString(Invariant), y.ObservedSites.ToString(Invariant),
        Number(y.ModelTotal), Number(y.ModelTotalSe), Number(y.ImputedTotal), Number(y.ImputedTotalSe),
        Number(y.ModelIndex), Number(y.ModelIndexSe), Number(y.ImputedIndex), Number(y.ImputedIndexSe),
    ];

    /// <summary>A number as the trend CSV files write it: six decimals, far below a bird or an index's standard
    /// error, without binary noise (1.199999999999999); empty when it could not be computed.</summary>
    public static string Number(double value) => double.IsFinite(value) ? value.ToString("0.######", Invariant) : "";

    private static JsonObject Summary(TrendResult r, string file) => new()
    {
        ["counts"] = file,
        ["model"] = (int)r.Options.Model,
        ["modelName"] = r.Options.Model switch
        {
            TrendModel.NoTimeEffects => "no time effects",
            TrendModel.LinearTrend => "linear trend",
            _ => "time effects",
        },
        ["changepoints"] = new JsonArray([.. r.Options.Changepoints.Order().Select(y => (JsonNode)y)]),
        ["covariate"] = r.Covariates.Count > 0 ? r.Covariates[0] : null,
        ["firstYear"] = r.Years[0],
        ["lastYear"] = r.Years[^1],
        ["baseYear"] = r.BaseYear,
        ["sites"] = r.Sites.Count,
        ["removedSites"] = new JsonArray([.. r.RemovedSites.Select(s => (JsonNode)s)]),
        ["observedCounts"] = r.ObservedCounts,
        ["zeroCounts"] = r.ZeroCounts,
        ["missingCounts"] = r.MissingCounts,
        ["converged"] = r.Converged,
        ["iterations"] = r.Iterations,
        ["overdispersion"] = Json(r.Overdispersion),
        ["serialCorrelation"] = Json(r.SerialCorrelation),
        ["goodnessOfFit"] = new JsonObject
        {
            ["chiSquare"] = Json(r.GoodnessOfFit.ChiSquare),
            ["chiSquareP"] = Json(r.GoodnessOfFit.ChiSquareP),
            ["likelihoodRatio"] = Json(r.GoodnessOfFit.LikelihoodRatio),
            ["likelihoodRatioP"] = Json(r.GoodnessOfFit.LikelihoodRatioP),
            ["df"] = r.GoodnessOfFit.Df,
            ["aic"] = Json(r.GoodnessOfFit.Aic),
        },
        ["waldTests"] = new JsonArray([.. r.WaldTests.Select(w => (JsonNode)new JsonObject
        {
            ["test"] = w.Test, ["w"] = Json(w.W), ["df"] = w.Df, ["p"] = Json(w.P),
        })]),
        ["parameters"] = new JsonArray([.. r.Parameters.Select(p => (JsonNode)new JsonObject
        {
            ["kind"] = p.Kind == ParameterKind.Slope ? "slope" : "time effect",
            ["covariate"] = p.Covariate,
            ["category"] = p.Category,
            ["fromYear"] = p.FromYear,
            ["toYear"] = p.ToYear,
            ["additive"] = Json(p.Additive),
            ["additiveSe"] = Json(p.AdditiveSe),
            ["multiplicative"] = Json(p.Multiplicative),
            ["multiplicativeSe"] = Json(p.MultiplicativeSe),
        })]),
        ["slope"] = new JsonObject { ["model"] = Slope(r.ModelSlope), ["imputed"] = Slope(r.ImputedSlope) },
        ["strata"] = new JsonArray([.. r.Strata.Select(s => (JsonNode)new JsonObject
        {
            ["covariate"] = s.Covariate, ["category"] = s.Category, ["sites"] = s.Sites, ["imputedSlope"] = Slope(s.ImputedSlope),
        })]),
    };

    /// <summary>An overall slope as summary.json writes it (null when there is none).</summary>
    public static JsonObject? Slope(OverallSlope? s) => s is null ? null : new JsonObject
    {
        ["additive"] = Json(s.Additive),
        ["additiveSe"] = Json(s.AdditiveSe),
        ["multiplicative"] = Json(s.Multiplicative),
        ["multiplicativeSe"] = Json(s.MultiplicativeSe),
        ["class"] = s.Class.ToText(),
        ["significance"] = s.Significance,
        ["wald"] = Json(s.Wald),
        ["p"] = Json(s.P),
    };

    /// <summary>A number for summary.json: JSON has no NaN, so a value that could not be computed is null.</summary>
    public static JsonNode? Json(double? value) => value is { } v && double.IsFinite(v) ? JsonValue.Create(v) : null;
}
