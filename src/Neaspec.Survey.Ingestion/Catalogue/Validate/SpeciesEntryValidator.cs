using System.Text.RegularExpressions;
using Neaspec.Survey.Ingestion.Ledger;
using Neaspec.Survey.Storage;
using Neaspec.Survey.Storage.Model;
using Neaspec.Survey.Storage.Names;
using Npgsql;

namespace Neaspec.Survey.Ingestion.Catalogue.Validate;

/// <summary>Judges species entries against the catalogue and against each other: the rank and the form of the
/// scientific name, the flagship flag, and above all that every name still leads to one species — a name (scientific,
/// synonym or common, spelt the same as <see cref="NameKey.Exact"/> compares) that another species has, in the catalogue
/// or earlier in the same file, is refused: a count sheet that wrote it could not be resolved. One validator per file.</summary>
public sealed partial class SpeciesEntryValidator
{
    /// <summary>A longer "name" is a pasted paragraph, not a name.</summary>
    public const int MaxNameLength = 200;

    private readonly Dictionary<string, Species> existing;
    private readonly SpeciesResolver catalogue;
    private readonly Dictionary<string, (string ScientificName, long Line, string Column)> claimed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> given = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string ScientificName, string Name)> foldedClaims = new(StringComparer.Ordinal);
    private readonly List<string> foldCollisions = [];

    public SpeciesEntryValidator(IEnumerable<Species> species, IEnumerable<SpeciesName> otherNames)
    {
        var list = species.ToList();
        existing = list.ToDictionary(s => s.ScientificName, StringComparer.Ordinal);
        catalogue = SpeciesResolver.Of(list, otherNames);
    }

    /// <summary>A validator over the catalogue as <paramref name="connection"/> sees it (inside the import's transaction).</summary>
    public static async Task<SpeciesEntryValidator> LoadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return new SpeciesEntryValidator(await SpeciesCatalogue.ReadAsync(connection, cancellationToken),
            await SpeciesCatalogue.ReadNamesAsync(connection, cancellationToken));
    }

    /// <summary>The change <paramref name="entry"/> asks for, or null with its errors added to <paramref name="errors"/>.
    /// The entry's names count as taken for the entries validated after it.</summary>
    public SpeciesChange? Validate(SpeciesEntry entry, List<RowError> errors)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(errors);
        var before = errors.Count;
        void Fail(SpeciesValue value, string reason) => errors.Add(new RowError(entry.Line, value.Column, value.Value, reason));

        var scientific = entry.ScientificName.Value;
        var stored = existing.GetValueOrDefault(scientific);
        if (given.TryGetValue(scientific, out var first))
        {
            Fail(entry.ScientificName, $"the species is given twice (first on line {first}): give all its names in one row");
            return null;
        }
        given[scientific] = entry.Line;

        var rank = Rank(entry, stored, Fail);
        if (!ScientificForm().IsMatch(scientific))
        {
            Fail(entry.ScientificName, "a scientific name is a capitalised genus and lower-case epithets in Latin letters (Platalea minor)");
        }
        else if (rank is not null && scientific.Split(' ').Length != TaxonRank.Words(rank))
        {
            Fail(entry.ScientificName, $"a name of rank {rank} has {TaxonRank.Words(rank)} word(s) (ICZN: species Platalea minor, " +
                "subspecies Anser fabalis serrirostris, genus and above Anas)");
        }
        foreach (var synonym in entry.Synonyms.Where(s => !ScientificForm().IsMatch(s.Value)))
        {
            Fail(synonym, "a synonym is a scientific name: a capitalised genus and lower-case epithets in Latin letters (Grus vipio)");
        }
        var flagship = Flagship(entry.Flagship, Fail);
        foreach (var name in entry.Names.Select(n => n.Name).Where(n => n.Value.Length > MaxNameLength || n.Value.Any(char.IsControl)))
        {
            Fail(name, $"not a name: longer than {MaxNameLength} characters or holding control characters");
        }
        ClaimNames(entry, Fail);
        return errors.Count > before ? null : new SpeciesChange(entry, rank == stored?.TaxonRank ? null : rank, flagship, stored is null);
    }

    /// <summary>The rank to check the name against: the entry's, else the stored one; a new species must give one.</summary>
    private static string? Rank(SpeciesEntry entry, Species? stored, Action<SpeciesValue, string> fail)
    {
        if (entry.Rank.Value.Length == 0)
        {
            if (stored is null)
            {
                fail(entry.Rank, $"the catalogue has no {entry.ScientificName.Value} yet: give its rank ({string.Join(", ", TaxonRank.All)})");
            }
            return stored?.TaxonRank;
        }
        var rank = TaxonRank.Parse(entry.Rank.Value);
        if (rank is null)
        {
            fail(entry.Rank, $"unknown rank: one of {string.Join(", ", TaxonRank.All)} (Darwin Core taxonRank)");
        }
        return rank;
    }

    private static bool? Flagship(SpeciesValue? value, Action<SpeciesValue, string> fail)
    {
        switch (value?.Value.ToLowerInvariant())
        {
            case null:
                return null;
            case "yes" or "y" or "true" or "1":
                return true;
            case "no" or "n" or "false" or "0":
                return false;
            default:
                fail(value, "flagship is yes or no (or blank to keep it)");
                return null;
        }
    }

    /// <summary>Every name of the entry must lead to its species alone: the same spelling (<see cref="NameKey.Exact"/>)
    /// may not be another species' name, in the catalogue or earlier in this file. A spelling whose Traditional/Simplified
    /// fold meets another species' name is allowed — each spelling resolves as written — and said in
    /// <see cref="FoldCollisions"/>.</summary>
    private void ClaimNames(SpeciesEntry entry, Action<SpeciesValue, string> fail)
    {
        var scientific = entry.ScientificName.Value;
        foreach (var value in new[] { entry.ScientificName }.Concat(entry.Synonyms).Concat(entry.Names.Select(n => n.Name)))
        {
            var key = NameKey.Exact(value.Value);
            if (key.Length == 0)
            {
                continue;
            }
            if (catalogue.ResolveExact(value.Value) is { } owner && owner != scientific)
            {
                fail(value, $"'{value.Value}' is already a name of {owner} in the catalogue: a name must lead to one species");
            }
            else if (claimed.TryGetValue(key, out var other) && other.ScientificName != scientific)
            {
                fail(value, $"'{value.Value}' is also given for {other.ScientificName} on line {other.Line}, column {other.Column}: " +
                    "a name must lead to one species");
            }
            else
            {
                claimed.TryAdd(key, (scientific, entry.Line, value.Column));
                NoteFoldCollision(value.Value, scientific);
            }
        }
    }

    private void NoteFoldCollision(string name, string scientific)
    {
        var folded = NameKey.Of(name);
        if (catalogue.Resolve(folded) is { } owner && owner != scientific && catalogue.ResolveExact(name) is null)
        {
            foldCollisions.Add($"{name} ({scientific}) against a name of {owner}");
        }
        else if (foldedClaims.TryGetValue(folded, out var other) && other.ScientificName != scientific)
        {
            foldCollisions.Add($"{name} ({scientific}) against {other.Name} ({other.ScientificName})");
        }
        foldedClaims.TryAdd(folded, (scientific, name));
    }

    /// <summary>Names that resolve only as written, because their Traditional/Simplified fold is another species'
    /// name: "大杓鹬 (Numenius madagascariensis) against 大杓鷸 (Numenius arquata)".</summary>
    public IReadOnlyList<string> FoldCollisions => foldCollisions;

    // ICZN Article 5 (binomen, trinomen) and Article 28 (a genus-group name begins with a capital, a species-group name
    // with a lower-case letter), Latin letters only (Article 11.2); the one hyphen ICZN 32.5.2.4.3 keeps (c-album).
    [GeneratedRegex("^[A-Z][a-z]+( [a-z]+(-[a-z]+)?){0,2}$")]
    private static partial Regex ScientificForm();
}
