using Neaspec.Survey.Storage.Model;
using Npgsql;

namespace Neaspec.Survey.Storage;

/// <summary>The species the catalogue starts with: the three flagship species and related taxa that
/// share their wetlands. Scientific and English names follow the IOC World Bird List; Simplified Chinese names the
/// mainland's checklist, Traditional Chinese names Taiwan's (the Chinese Wild Bird Federation's checklist, where the
/// largest spoonbill population winters); synonyms are those still found in partner files. Admins add the rest
/// (neaspec species import; docs/species.md).</summary>
public static class SpeciesCatalogue
{
    public const string BlackFacedSpoonbill = "Platalea minor";
    public const string HoodedCrane = "Grus monacha";
    public const string WhiteNapedCrane = "Antigone vipio";

    public static readonly Species[] Seed =
    [
        new() { ScientificName = BlackFacedSpoonbill, IsFlagship = true, NameEn = "Black-faced Spoonbill",
            NameZh = "黑脸琵鹭", NameZhHant = "黑面琵鷺", NameJa = "クロツラヘラサギ", NameKo = "저어새", NameRu = "Малая колпица",
            NameMn = "Хар нүүрт халбагар хушуут" },
        new() { ScientificName = HoodedCrane, IsFlagship = true, NameEn = "Hooded Crane",
            NameZh = "白头鹤", NameZhHant = "白頭鶴", NameJa = "ナベヅル", NameKo = "흑두루미", NameRu = "Чёрный журавль",
            NameMn = "Хар тогоруу" },
        new() { ScientificName = WhiteNapedCrane, IsFlagship = true, Synonyms = ["Grus vipio"],
            NameEn = "White-naped Crane", NameZh = "白枕鹤", NameZhHant = "白枕鶴", NameJa = "マナヅル", NameKo = "재두루미",
            NameRu = "Даурский журавль", NameMn = "Цэн тогоруу" },
        new() { ScientificName = "Grus japonensis", NameEn = "Red-crowned Crane", NameZh = "丹顶鹤", NameZhHant = "丹頂鶴",
            NameJa = "タンチョウ", NameKo = "두루미", NameRu = "Японский журавль", NameMn = "Улаан оройт тогоруу" },
        new() { ScientificName = "Platalea leucorodia", NameEn = "Eurasian Spoonbill", NameZh = "白琵鹭", NameZhHant = "白琵鷺",
            NameJa = "ヘラサギ", NameKo = "노랑부리저어새", NameRu = "Колпица", NameMn = "Халбагар хушуут" },
        new() { ScientificName = "Grus grus", NameEn = "Common Crane", NameZh = "灰鹤", NameZhHant = "灰鶴", NameJa = "クロヅル",
            NameKo = "검은목두루미", NameRu = "Серый журавль", NameMn = "Саарал тогоруу" },
        new() { ScientificName = "Leucogeranus leucogeranus", Synonyms = ["Grus leucogeranus"],
            NameEn = "Siberian Crane", NameZh = "白鹤", NameZhHant = "白鶴", NameJa = "ソデグロヅル", NameKo = "시베리아흰두루미",
            NameRu = "Стерх", NameMn = "Цагаан тогоруу" },
        new() { ScientificName = "Grus virgo", Synonyms = ["Anthropoides virgo"], NameEn = "Demoiselle Crane",
            NameZh = "蓑羽鹤", NameZhHant = "蓑羽鶴", NameJa = "アネハヅル", NameKo = "쇠재두루미", NameRu = "Красавка", NameMn = "Өвөгт тогоруу" },
        new() { ScientificName = "Antigone canadensis", Synonyms = ["Grus canadensis"], NameEn = "Sandhill Crane",
            NameZh = "沙丘鹤", NameZhHant = "沙丘鶴", NameJa = "カナダヅル", NameKo = "캐나다두루미", NameRu = "Канадский журавль",
            NameMn = "Канад тогоруу" },
    ];

    /// <summary>Inserts the seed species that are not in the table yet, and fills in a seed species' Traditional
    /// Chinese name where it has none (rows stored before the catalogue had that column). Anything an admin set stays.</summary>
    public static async Task SeedAsync(NpgsqlConnection connection, CancellationToken cancellationToken = default)
    {
        foreach (var s in Seed)
        {
            await using var cmd = new NpgsqlCommand(
                $"""
                insert into species (scientific_name, taxon_rank, synonyms, {string.Join(", ", NameLanguage.Columns)}, is_flagship)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
                on conflict (scientific_name) do update set name_zh_hant = coalesce(species.name_zh_hant, excluded.name_zh_hant)
                """, connection);
            cmd.Parameters.AddWithValue(s.ScientificName);
            cmd.Parameters.AddWithValue(s.TaxonRank);
            cmd.Parameters.AddWithValue(s.Synonyms.ToArray());
            foreach (var language in NameLanguage.All)
            {
                cmd.Parameters.AddWithValue((object?)NameLanguage.PreferredName(s, language) ?? DBNull.Value);
            }
            cmd.Parameters.AddWithValue(s.IsFlagship);
            await cmd.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Every species of the catalogue, by scientific name. Read with Npgsql (no EF context) so the count
    /// import can read it on the connection that holds its transaction.</summary>
    public static async Task<List<Species>> ReadAsync(NpgsqlConnection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var species = new List<Species>();
        await using var cmd = new NpgsqlCommand(
            $"""
            select scientific_name, taxon_rank, synonyms, is_flagship, is_sensitive, {string.Join(", ", NameLanguage.Columns)}
            from species order by scientific_name
            """, connection);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            string? Name(int i) => reader.IsDBNull(5 + i) ? null : reader.GetString(5 + i);
            species.Add(new Species
            {
                ScientificName = reader.GetString(0), TaxonRank = reader.GetString(1), Synonyms = [.. reader.GetFieldValue<string[]>(2)],
                IsFlagship = reader.GetBoolean(3), IsSensitive = reader.GetBoolean(4),
                NameEn = Name(0), NameZh = Name(1), NameZhHant = Name(2), NameJa = Name(3), NameKo = Name(4), NameRu = Name(5), NameMn = Name(6),
            });
        }
        return species;
    }

    /// <summary>Every other name of the catalogue's species (<c>species_names</c>), in the order they were added.</summary>
    public static async Task<List<SpeciesName>> ReadNamesAsync(NpgsqlConnection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var names = new List<SpeciesName>();
        await using var cmd = new NpgsqlCommand("select id, scientific_name, language, name, import_id from species_names order by id", connection);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            names.Add(new SpeciesName
            {
                Id = reader.GetInt64(0), ScientificName = reader.GetString(1), Language = reader.GetString(2), Name = reader.GetString(3),
                ImportId = reader.IsDBNull(4) ? null : reader.GetInt64(4),
            });
        }
        return names;
    }
}
