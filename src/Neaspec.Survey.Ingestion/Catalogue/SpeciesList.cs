using CsvHelper;
using Neaspec.Survey.Ingestion.Catalogue.Read;
using Neaspec.Survey.Storage;
using Neaspec.Survey.Storage.Model;

namespace Neaspec.Survey.Ingestion.Catalogue;

/// <summary>The catalogue as people read it (<c>neaspec species list</c>, the portal's Species page), and as a species
/// file: the CSV it writes has the columns <see cref="SpeciesImporter"/> reads, so an admin can edit it and import it
/// back.</summary>
public static class SpeciesList
{
    /// <summary>The header of a species file, in the order <see cref="WriteCsv"/> writes it.</summary>
    public static readonly IReadOnlyList<string> Header =
        ["scientific_name", "rank", "name_en", "name_zh_hans", "name_zh_hant", "name_ja", "name_ko", "name_ru", "name_mn", "synonyms", "flagship"];

    /// <summary>Every species by scientific name, with all its names.</summary>
    public static async Task<List<CatalogueSpecies>> ReadAsync(SurveyDatabase database, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var conn = await database.DataSource.OpenConnectionAsync(cancellationToken);
        var species = await SpeciesCatalogue.ReadAsync(conn, cancellationToken);
        var others = (await SpeciesCatalogue.ReadNamesAsync(conn, cancellationToken)).ToLookup(n => (n.ScientificName, n.Language), n => n.Name);
        return [.. species.Select(s => new CatalogueSpecies(s, NameLanguage.All.ToDictionary(l => l, l =>
            (IReadOnlyList<string>)[.. new[] { NameLanguage.PreferredName(s, l) }.OfType<string>().Concat(others[(s.ScientificName, l)])])))];
    }

    /// <summary>Writes <paramref name="species"/> as a species file (several names in a cell joined by
    /// <see cref="SpeciesCsvReader.NameSeparator"/>).</summary>
    public static void WriteCsv(CsvWriter writer, IEnumerable<CatalogueSpecies> species)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(species);
        writer.WriteHeader([.. Header]);
        foreach (var s in species)
        {
            writer.WriteRecord([
                s.Species.ScientificName, s.Species.TaxonRank,
                .. NameLanguage.All.Select(l => Join(s.NamesIn(l))),
                Join(s.Species.Synonyms), s.Species.IsFlagship ? "yes" : "no",
            ]);
        }
    }

    /// <summary>Several names as one cell.</summary>
    public static string Join(IEnumerable<string> names) => string.Join(SpeciesCsvReader.NameSeparator, names);
}
