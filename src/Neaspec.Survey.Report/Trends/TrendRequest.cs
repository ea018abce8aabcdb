using System.Globalization;
using Neaspec.Survey.Trends;

namespace Neaspec.Survey.Report.Trends;

/// <summary>What a population trend from the database is about and how it is fitted: the species, the yearly
/// window and its years, the countries, TRIM's options, and which flyway population the 1 % flags use.</summary>
public sealed record TrendRequest
{
    /// <summary>The species as the user wrote it: scientific name, synonym or a common name in any catalogue language.</summary>
    public required string Species { get; init; }

    /// <summary>The yearly window, "MM-DD..MM-DD" (e.g. "12-01..02-28", across the new year), or the name of one of the
    /// species' seasons (winter, spring, ...).</summary>
    public required string Window { get; init; }

    /// <summary>First year of the series.</summary>
    public required int FirstYear { get; init; }

    /// <summary>Last year of the series.</summary>
    public required int LastYear { get; init; }

    /// <summary>ISO 3166-1 alpha-2 codes of the countries whose sites are used; empty = every country.</summary>
    public IReadOnlyList<string> Countries { get; init; } = [];

    /// <summary>Model, changepoints, overdispersion, serial correlation, base year.</summary>
    public required TrendOptions Trend { get; init; }

    /// <summary>Country as TRIM's covariate (each country its own time effects, flyway totals pooled over them): true,
    /// false, or null for "when the sites lie in two countries or more" (the report's default).</summary>
    public bool? ByCountry { get; init; }

    /// <summary>The flyway population whose thresholds flag the sites; null = every population of the species in the
    /// table.</summary>
    public string? Population { get; init; }

    /// <summary>Whether the window is a passage season, so the 0.25 % staging criterion applies; null = when the window
    /// is the species' spring or autumn season.</summary>
    public bool? Staging { get; init; }

    /// <summary>Language of site and species names: en, ko, zh, ja, ru or mn (English where a name is missing).</summary>
    public string Language { get; init; } = "en";

    /// <summary>Parses "2001-2025" (or a single year) into its first and last year; false and a reason otherwise.</summary>
    public static bool TryParseYears(string? text, out int first, out int last, out string? error)
    {
        first = last = 0;
        error = null;
        var parts = (text ?? "").Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length is < 1 or > 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out first)
            || !int.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out last))
        {
            error = $"'{text}' is not a range of years such as 2001-2025";
            return false;
        }
        return true;
    }
}
