namespace Neaspec.Survey.Storage.Names;

/// <summary>Finds the catalogue names closest to a name the catalogue does not know, by edit distance
/// (<see cref="EditDistance"/>) between matching keys (<see cref="NameKey"/>) in every language at once, within
/// each pair's tolerance (<see cref="NameUnits.Tolerance"/>). A name in another script is never close: its
/// characters share nothing with the query's.</summary>
public sealed class NameSuggester
{
    private readonly List<(NameUnits Units, string Name, string ScientificName)> candidates = [];

    /// <param name="names">Every name of the catalogue with the scientific name it resolves to; a key met twice for
    /// one species keeps its first name.</param>
    public NameSuggester(IEnumerable<(string Name, string ScientificName)> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var seen = new HashSet<(string, string)>();
        foreach (var (name, scientific) in names)
        {
            var key = NameKey.Of(name);
            if (key.Length > 0 && seen.Add((key, scientific)))
            {
                candidates.Add((NameUnits.Of(key), name, scientific));
            }
        }
    }

    /// <summary>Up to <paramref name="max"/> names of different species, closest first (then the shorter name, then
    /// by name). A query in Simplified characters is shown the name in Simplified characters, which resolves too.</summary>
    public IReadOnlyList<NameSuggestion> Suggest(string name, int max = 3)
    {
        ArgumentNullException.ThrowIfNull(name);
        var query = NameUnits.Of(NameKey.Of(name));
        if (query.Count == 0)
        {
            return [];
        }
        var simplifiedWriter = !HanFolding.HasTraditional(name);
        var found = new List<NameSuggestion>();
        foreach (var (units, candidate, scientific) in candidates)
        {
            var tolerance = query.Tolerance(units);
            if (Math.Abs(units.Count - query.Count) > tolerance)
            {
                continue;
            }
            var distance = EditDistance.Between(query.Units, units.Units);
            if (distance <= tolerance)
            {
                found.Add(new NameSuggestion(simplifiedWriter ? HanFolding.Fold(candidate) : candidate, scientific, distance));
            }
        }
        return [.. found.OrderBy(s => s.Distance).ThenBy(s => s.Name.Length).ThenBy(s => s.Name, StringComparer.Ordinal)
            .DistinctBy(s => s.ScientificName).Take(max)];
    }
}
