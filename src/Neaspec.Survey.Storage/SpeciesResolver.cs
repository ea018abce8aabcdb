using Neaspec.Survey.Storage.Model;
using Neaspec.Survey.Storage.Names;
using Npgsql;

namespace Neaspec.Survey.Storage;

/// <summary>Resolves a species as field teams write it — scientific name, synonym, or a common name in any
/// catalogue language (en, zh-Hans, zh-Hant, ja, ko, ru, mn), the preferred one or another the catalogue keeps —
/// to the catalogue's scientific name. Names match by <see cref="NameKey"/>: case, spacing, hyphens, width and
/// normalisation form, Hiragana/Katakana and Traditional/Simplified characters do not matter — except where a spelling
/// as written (<see cref="NameKey.Exact"/>) belongs to one species and its folded form to another: the spelling as
/// written wins, and a folded form that two species share resolves to neither. A name it does not know gets the
/// closest catalogue names as suggestions (<see cref="Suggest"/>).</summary>
public sealed class SpeciesResolver
{
    private const int CacheLimit = 10_000;

    private readonly Dictionary<string, string> byExact = new(StringComparer.Ordinal);
    // Null where two species' names fold to this key.
    private readonly Dictionary<string, string?> byFolded = new(StringComparer.Ordinal);
    private readonly List<(string Name, string ScientificName)> names = [];
    private readonly Lazy<NameSuggester> suggester;

    // Files repeat a handful of species spellings on every row: resolve (and suggest for) each spelling once.
    private readonly Dictionary<string, string?> resolved = new(StringComparer.Ordinal);
    private readonly Dictionary<string, IReadOnlyList<NameSuggestion>> suggested = new(StringComparer.Ordinal);

    /// <param name="entries">Each species: its scientific name and every other name it goes by (synonyms, common
    /// names). A name that two species share resolves to the first (the catalogue's editors refuse such names).</param>
    public SpeciesResolver(IEnumerable<(string ScientificName, IEnumerable<string?> Names)> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var all = entries.Select(e => (e.ScientificName, Names: e.Names.ToList())).ToList();
        // Scientific names first, so no common name of one species can shadow another's scientific name.
        foreach (var (scientific, _) in all)
        {
            Add(scientific, scientific);
        }
        foreach (var (scientific, others) in all)
        {
            foreach (var name in others)
            {
                if (!string.IsNullOrWhiteSpace(name))
                {
                    Add(name, scientific);
                }
            }
        }
        suggester = new Lazy<NameSuggester>(() => new NameSuggester(names));
    }

    /// <summary>Scientific names of the flagship species.</summary>
    public HashSet<string> FlagshipNames { get; private init; } = [];

    /// <summary>A resolver over <paramref name="species"/> (scientific names, synonyms, preferred names in every
    /// language) and their <paramref name="otherNames"/>.</summary>
    public static SpeciesResolver Of(IEnumerable<Species> species, IEnumerable<SpeciesName>? otherNames = null)
    {
        ArgumentNullException.ThrowIfNull(species);
        var others = (otherNames ?? []).ToLookup(n => n.ScientificName, n => (string?)n.Name, StringComparer.Ordinal);
        var list = species.ToList();
        return new SpeciesResolver(list.Select(s => (s.ScientificName,
            s.Synonyms.Concat(NameLanguage.All.Select(l => NameLanguage.PreferredName(s, l))).Concat(others[s.ScientificName]))))
        {
            FlagshipNames = list.Where(s => s.IsFlagship).Select(s => s.ScientificName).ToHashSet(StringComparer.Ordinal),
        };
    }

    /// <summary>Every species with all its names, as the catalogue holds them now.</summary>
    public static async Task<SpeciesResolver> LoadAsync(NpgsqlConnection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return Of(await SpeciesCatalogue.ReadAsync(connection, cancellationToken), await SpeciesCatalogue.ReadNamesAsync(connection, cancellationToken));
    }

    public static async Task<SpeciesResolver> LoadAsync(SurveyDatabase database, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var conn = await database.DataSource.OpenConnectionAsync(cancellationToken);
        return await LoadAsync(conn, cancellationToken);
    }

    /// <summary>The scientific name for <paramref name="name"/>, or null when the catalogue has no such name.
    /// Not thread-safe (it caches spellings).</summary>
    public string? Resolve(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }
        if (!resolved.TryGetValue(name, out var scientific))
        {
            scientific = ResolveExact(name) ?? byFolded.GetValueOrDefault(NameKey.Of(name));
            if (resolved.Count < CacheLimit)
            {
                resolved[name] = scientific;
            }
        }
        return scientific;
    }

    /// <summary>The catalogue names closest to <paramref name="name"/> (up to three, of different species), for a
    /// name that does not resolve. The first 10,000 different spellings get suggestions, later ones none: a file of
    /// garbage must not cost a search of the catalogue per row. Not thread-safe.</summary>
    public IReadOnlyList<NameSuggestion> Suggest(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (suggested.TryGetValue(name, out var found))
        {
            return found;
        }
        if (suggested.Count >= CacheLimit)
        {
            return [];
        }
        found = suggester.Value.Suggest(name);
        suggested[name] = found;
        return found;
    }

    /// <summary>The species whose name is spelt as <paramref name="name"/> is — case, spacing, width and syllabary
    /// aside, but Traditional and Simplified characters kept apart — or null.</summary>
    public string? ResolveExact(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return byExact.GetValueOrDefault(NameKey.Exact(name));
    }

    private void Add(string name, string scientific)
    {
        if (!byExact.TryAdd(NameKey.Exact(name), scientific))
        {
            return;
        }
        names.Add((name, scientific));
        var folded = NameKey.Of(name);
        if (byFolded.TryGetValue(folded, out var other) && other != scientific)
        {
            byFolded[folded] = null;
        }
        else
        {
            byFolded[folded] = scientific;
        }
    }
}
