namespace Neaspec.Survey.Storage.Model;

/// <summary>The ranks a catalogue taxon may have: the values of Darwin Core's taxonRank that a waterbird or
/// telemetry sheet can name (GBIF's rank vocabulary, http://rs.gbif.org/vocabulary/gbif/rank). A count of "Anas sp."
/// is a genus; a count of Anser fabalis serrirostris a subspecies.</summary>
public static class TaxonRank
{
    public const string Order = "order";
    public const string Family = "family";
    public const string Genus = "genus";
    public const string Species = "species";
    public const string Subspecies = "subspecies";

    public static readonly IReadOnlyList<string> All = [Order, Family, Genus, Species, Subspecies];

    /// <summary>The rank as the catalogue spells it, for any case, or null when it is none of <see cref="All"/>.</summary>
    public static string? Parse(string? text) => All.FirstOrDefault(r => string.Equals(r, text?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The number of words a scientific name of <paramref name="rank"/> has (ICZN: a species name is a
    /// binomen, Articles 5.1; a subspecies name a trinomen, Article 5.2; names above the species one word, Article 4.1).</summary>
    public static int Words(string rank) => rank switch
    {
        Species => 2,
        Subspecies => 3,
        _ => 1,
    };

    /// <summary>The rank a scientific name's form implies (1 word: genus; 2: species; 3: subspecies), for rows that
    /// were stored before the catalogue kept ranks.</summary>
    public static string FromForm(string scientificName)
    {
        ArgumentNullException.ThrowIfNull(scientificName);
        return scientificName.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length switch
        {
            1 => Genus,
            3 => Subspecies,
            _ => Species,
        };
    }
}
