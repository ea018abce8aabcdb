using Neaspec.Survey.Ingestion.Ledger;
using Neaspec.Survey.Storage.Model;

namespace Neaspec.Survey.Ingestion.Catalogue.Read;

/// <summary>The columns of a species file, found by name (case-insensitive, any order): <c>scientific_name</c> and
/// <c>rank</c> (required), <c>name_en</c>, <c>name_zh_hans</c> (or <c>name_zh</c>), <c>name_zh_hant</c>, <c>name_ja</c>,
/// <c>name_ko</c>, <c>name_ru</c>, <c>name_mn</c>, <c>synonyms</c>, <c>flagship</c>. Darwin Core's
/// <c>scientificName</c> and <c>taxonRank</c> are taken too, and BCP 47 spellings (<c>name_zh-Hant</c>). A column it
/// does not know is an error: in an admin's catalogue file it is a misspelt language more often than not.</summary>
public sealed class SpeciesColumns
{
    private static readonly IReadOnlyList<string> ScientificNames = ["scientific_name", "scientificName"];
    private static readonly IReadOnlyList<string> RankNames = ["rank", "taxon_rank", "taxonRank"];
    private static readonly IReadOnlyList<string> SynonymNames = ["synonyms", "synonym"];
    private static readonly IReadOnlyList<string> FlagshipNames = ["flagship", "is_flagship"];

    private SpeciesColumns(IReadOnlyList<string> headers) => Headers = headers;

    /// <summary>The header as the file writes it (trimmed).</summary>
    public IReadOnlyList<string> Headers { get; }

    public int Scientific { get; private init; } = -1;

    public int Rank { get; private init; } = -1;

    public int Synonyms { get; private init; } = -1;

    public int Flagship { get; private init; } = -1;

    /// <summary>The column of each catalogue language the file has (<see cref="NameLanguage"/> tags).</summary>
    public IReadOnlyDictionary<string, int> Names { get; private init; } = new Dictionary<string, int>();

    /// <summary>The header's columns, or null with the errors (line 1) when it lacks a required column, names one
    /// twice or has one it does not know.</summary>
    public static SpeciesColumns? Map(IReadOnlyList<string> header, List<RowError> errors)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(errors);
        var headers = header.Select(h => h.Trim()).ToList();
        var before = errors.Count;
        var names = new Dictionary<string, int>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < headers.Count; i++)
        {
            var field = FieldOf(headers[i]);
            if (field is null)
            {
                errors.Add(new RowError(1, headers[i], headers[i],
                    "unknown column: expected scientific_name, rank, name_en, name_zh_hans, name_zh_hant, name_ja, name_ko, name_ru, name_mn, synonyms, flagship"));
            }
            else if (!seen.Add(field))
            {
                errors.Add(new RowError(1, headers[i], headers[i], "the column is given twice"));
            }
            else if (NameLanguage.Parse(field) is { } language)
            {
                names[language] = i;
            }
        }
        var columns = new SpeciesColumns(headers)
        {
            Scientific = IndexOf(headers, ScientificNames), Rank = IndexOf(headers, RankNames),
            Synonyms = IndexOf(headers, SynonymNames), Flagship = IndexOf(headers, FlagshipNames), Names = names,
        };
        if (columns.Scientific < 0 || columns.Rank < 0)
        {
            var missing = string.Join(", ", new[] { (columns.Scientific, "scientific_name"), (columns.Rank, "rank") }.Where(c => c.Item1 < 0).Select(c => c.Item2));
            errors.Add(new RowError(1, null, string.Join(",", headers), $"missing required column(s) {missing}"));
        }
        return errors.Count > before ? null : columns;
    }

    /// <summary>Whether a header is a species file's: a scientific name and a rank column.</summary>
    public static bool Recognises(IReadOnlyList<string> headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return IndexOf(headers, ScientificNames) >= 0 && IndexOf(headers, RankNames) >= 0;
    }

    /// <summary>What a header names: "scientific", "rank", "synonyms", "flagship" or a language tag; null for none.</summary>
    private static string? FieldOf(string header)
    {
        if (ScientificNames.Contains(header, StringComparer.OrdinalIgnoreCase))
        {
            return "scientific";
        }
        if (RankNames.Contains(header, StringComparer.OrdinalIgnoreCase))
        {
            return "rank";
        }
        if (SynonymNames.Contains(header, StringComparer.OrdinalIgnoreCase))
        {
            return "synonyms";
        }
        if (FlagshipNames.Contains(header, StringComparer.OrdinalIgnoreCase))
        {
            return "flagship";
        }
        if (!header.StartsWith("name_", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        // name_zh is the Simplified column, as in the species and sites tables; name_zh_hant / name_zh-Hant the Traditional one.
        var tag = header[5..].Replace('_', '-');
        return string.Equals(tag, "zh", StringComparison.OrdinalIgnoreCase) ? NameLanguage.ZhHans : NameLanguage.Parse(tag);
    }

    private static int IndexOf(IReadOnlyList<string> headers, IReadOnlyList<string> names)
    {
        for (var i = 0; i < headers.Count; i++)
        {
            if (names.Contains(headers[i].Trim(), StringComparer.OrdinalIgnoreCase))
            {
                return i;
            }
        }
        return -1;
    }
}
