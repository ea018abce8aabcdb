using System.Globalization;
using Neaspec.Survey.Storage;

namespace Neaspec.Survey.Sharing;

/// <summary>What an export takes: species (catalogue scientific names; empty = all), a date window, countries
/// (empty = all), a grid size to generalise every location to (null = only sensitive ones), and a title
/// instead of <c>Sharing:Title</c>.</summary>
public sealed record ExportSelection
{
    public IReadOnlyList<string> Species { get; init; } = [];
    public DateOnly? From { get; init; }
    public DateOnly? To { get; init; }
    public IReadOnlyList<string> Countries { get; init; } = [];
    public double? GeneraliseKm { get; init; }
    public string? Title { get; init; }

    /// <summary>Checks what a user typed and resolves species names through the catalogue (scientific
    /// name, synonym or common name in any catalogue language). Every problem is listed, by the option
    /// that has it; nothing is read beyond the catalogue when there is one.</summary>
    public static async Task<(ExportSelection? Selection, IReadOnlyList<string> Problems)> ParseAsync(SurveyDatabase database,
        IReadOnlyList<string> species, DateOnly? from, DateOnly? to, IReadOnlyList<string> countries, double? generaliseKm,
        string? title, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(species);
        ArgumentNullException.ThrowIfNull(countries);
        var problems = new List<string>();
        var names = new List<string>();
        var wanted = species.SelectMany(Split).ToList();
        if (wanted.Count > 0)
        {
            var resolver = await SpeciesResolver.LoadAsync(database, cancellationToken);
            foreach (var name in wanted)
            {
                if (resolver.Resolve(name) is { } scientific)
                {
                    if (!names.Contains(scientific))
                    {
                        names.Add(scientific);
                    }
                }
                else
                {
                    problems.Add($"--species '{name}': not in the species catalogue (give a scientific name, synonym or common name)");
                }
            }
        }
        if (from is { } f && to is { } t && f > t)
        {
            problems.Add($"--from {f:yyyy-MM-dd} is after --to {t:yyyy-MM-dd}");
        }
        var codes = new List<string>();
        foreach (var raw in countries.SelectMany(Split))
        {
            var code = raw.ToUpperInvariant();
            if (code.Length != 2 || !CountryCodes.IsKnown(code))
            {
                problems.Add($"--country '{raw}': not an ISO 3166-1 alpha-2 country code (such as KR, JP, CN)");
            }
            else if (!codes.Contains(code))
            {
                codes.Add(code);
            }
        }
        if (generaliseKm is { } km && (!double.IsFinite(km) || km <= 0 || km > SharingOptions.GeneraliseLimitKm))
        {
            problems.Add($"--generalise-km {km.ToString(CultureInfo.InvariantCulture)}: give a grid size more than 0 and at most {SharingOptions.GeneraliseLimitKm} km");
        }
        if (title is not null && string.IsNullOrWhiteSpace(title))
        {
            problems.Add("--title is empty");
        }
        if (problems.Count > 0)
        {
            return (null, problems);
        }
        return (new ExportSelection
        {
            Species = names, From = from, To = to, Countries = codes, GeneraliseKm = generaliseKm, Title = title?.Trim(),
        }, []);
    }

    // "KR,JP" and "KR JP" work as well as repeated options.
    private static IEnumerable<string> Split(string value) =>
        value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
