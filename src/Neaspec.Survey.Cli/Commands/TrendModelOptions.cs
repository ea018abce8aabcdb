using System.CommandLine;
using System.Globalization;
using Neaspec.Survey.Trends;

namespace Neaspec.Survey.Cli.Commands;

/// <summary>TRIM's options, the same for file mode, database mode and the trend report: --model, --changepoints,
/// --overdispersion, --serial-correlation, --base-year.</summary>
internal sealed class TrendModelOptions
{
    private readonly Option<int> model = new("--model")
    {
        Description = "TRIM model: 1 no time effects, 2 linear trend (with --changepoints), 3 an effect for each year.",
        Required = true,
    };

    private readonly Option<string?> changepoints = new("--changepoints")
    {
        Description = "Model 2: years after which the slope may change, e.g. 2010,2015 (the first year always is one).",
    };

    private readonly Option<bool> overdispersion = new("--overdispersion") { Description = "Estimate overdispersion (variance = σ² × mean)." };
    private readonly Option<bool> serial = new("--serial-correlation") { Description = "Estimate serial correlation between a site's consecutive years." };
    private readonly Option<int?> baseYear = new("--base-year") { Description = "The year whose index is 1 (default the first year)." };

    public TrendModelOptions() => model.AcceptOnlyFromAmong("1", "2", "3");

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { model, changepoints, overdispersion, serial, baseYear })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The options given, or null with the problem.</summary>
    public TrendOptions? Read(ParseResult parseResult, out string? problem)
    {
        if (!TryParseYears(parseResult.GetValue(changepoints), out var years, out problem))
        {
            problem = $"--changepoints: {problem}";
            return null;
        }
        return new TrendOptions
        {
            Model = (TrendModel)parseResult.GetValue(model),
            Changepoints = years,
            Overdispersion = parseResult.GetValue(overdispersion),
            SerialCorrelation = parseResult.GetValue(serial),
            BaseYear = parseResult.GetValue(baseYear),
        };
    }

    private static bool TryParseYears(string? text, out IReadOnlyList<int> years, out string? problem)
    {
        var list = new List<int>();
        years = list;
        problem = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
            {
                problem = $"'{part}' is not a year (give years such as 2010,2015)";
                return false;
            }
            list.Add(year);
        }
        return true;
    }
}
