using System.Globalization;
using System.Text;
using Npgsql;

namespace Neaspec.Survey.Storage;

/// <summary>Resolves a species as field teams write it — scientific name, synonym, or a common name in
/// en/zh/ja/ko/ru/mn — to the catalogue's scientific name. Matching ignores case, surrounding spaces,
/// repeated inner spaces and Unicode normalisation form (NFC vs NFD Korean, full-width forms).</summary>
public sealed class SpeciesResolver
{
    private readonly Dictionary<string, string> byName;

    public SpeciesResolver(IEnumerable<(string ScientificName, IEnumerable<string?> Names)> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        byName = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (scientific, names) in entries)
        {
            byName[Key(scientific)] = scientific;
            foreach (var name in names)
            {
                if (!string.IsNullOrWhiteSpace(name))
                {
                    byName.TryAdd(Key(name), scientific);
                }
            }
        }
        FlagshipNames = [];
    }

    /// <summary>Scientific names of the flagship species.</summary>
    public HashSet<string> FlagshipNames { get; private init; }

    public static async Task<SpeciesResolver> LoadAsync(NpgsqlConnection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var entries = new List<(string, IEnumerable<string?>)>();
        var flagship = new HashSet<string>(StringComparer.Ordinal);
        await using var cmd = new NpgsqlCommand(
            "select scientific_name, synonyms, name_en, name_zh, name_ja, name_ko, name_ru, name_mn, is_flagship from species", connection);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var names = new List<string?>(reader.GetFieldValue<string[]>(1));
            for (var i = 2; i <= 7; i++)
            {
                names.Add(reader.IsDBNull(i) ? null : reader.GetString(i));
            }
            entries.Add((reader.GetString(0), names));
            if (reader.GetBoolean(8))
            {
                flagship.Add(reader.GetString(0));
            }
        }
        return new SpeciesResolver(entries) { FlagshipNames = flagship };
    }

    public static async Task<SpeciesResolver> LoadAsync(SurveyDatabase database, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var conn = await database.DataSource.OpenConnectionAsync(cancellationToken);
        return await LoadAsync(conn, cancellationToken);
    }

    // Files repeat a handful of species spellings on every row: normalise each spelling once.
    private readonly Dictionary<string, string?> resolved = new(StringComparer.Ordinal);

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
            scientific = byName.GetValueOrDefault(Key(name));
            if (resolved.Count < 10_000)
            {
                resolved[name] = scientific;
            }
        }
        return scientific;
    }

    private static string Key(string name)
    {
        var normal = name.Normalize(NormalizationForm.FormKC).Trim();
        var sb = new StringBuilder(normal.Length);
        var space = false;
        foreach (var c in normal)
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }
            if (space && sb.Length > 0)
            {
                sb.Append(' ');
            }
            space = false;
            sb.Append(char.ToLower(c, CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }
}
