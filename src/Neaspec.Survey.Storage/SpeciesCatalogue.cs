using Neaspec.Survey.Storage.Model;
using Npgsql;

namespace Neaspec.Survey.Storage;

/// <summary>The species the catalogue starts with: the three flagship species and related taxa that
/// share their wetlands. Names follow IOC for English; synonyms are those still found in partner files.</summary>
public static class SpeciesCatalogue
{
    public const string BlackFacedSpoonbill = "Platalea minor";
    public const string HoodedCrane = "Grus monacha";
    public const string WhiteNapedCrane = "Antigone vipio";

    public static readonly Species[] Seed =
    [
        new() { ScientificName = BlackFacedSpoonbill, IsFlagship = true, NameEn = "Black-faced Spoonbill",
            NameZh = "黑脸琵鹭", NameJa = "クロツラヘラサギ", NameKo = "저어새", NameRu = "Малая колпица",
            NameMn = "Хар нүүрт халбагар хушуут" },
        new() { ScientificName = HoodedCrane, IsFlagship = true, NameEn = "Hooded Crane",
            NameZh = "白头鹤", NameJa = "ナベヅル", NameKo = "흑두루미", NameRu = "Чёрный журавль",
            NameMn = "Хар тогоруу" },
        new() { ScientificName = WhiteNapedCrane, IsFlagship = true, Synonyms = ["Grus vipio"],
            NameEn = "White-naped Crane", NameZh = "白枕鹤", NameJa = "マナヅル", NameKo = "재두루미",
            NameRu = "Даурский журавль", NameMn = "Цэн тогоруу" },
        new() { ScientificName = "Grus japonensis", NameEn = "Red-crowned Crane", NameZh = "丹顶鹤",
            NameJa = "タンチョウ", NameKo = "두루미", NameRu = "Японский журавль", NameMn = "Улаан оройт тогоруу" },
        new() { ScientificName = "Platalea leucorodia", NameEn = "Eurasian Spoonbill", NameZh = "白琵鹭",
            NameJa = "ヘラサギ", NameKo = "노랑부리저어새", NameRu = "Колпица", NameMn = "Халбагар хушуут" },
        new() { ScientificName = "Grus grus", NameEn = "Common Crane", NameZh = "灰鹤", NameJa = "クロヅル",
            NameKo = "검은목두루미", NameRu = "Серый журавль", NameMn = "Саарал тогоруу" },
        new() { ScientificName = "Leucogeranus leucogeranus", Synonyms = ["Grus leucogeranus"],
            NameEn = "Siberian Crane", NameZh = "白鹤", NameJa = "ソデグロヅル", NameKo = "시베리아흰두루미",
            NameRu = "Стерх", NameMn = "Цагаан тогоруу" },
        new() { ScientificName = "Grus virgo", Synonyms = ["Anthropoides virgo"], NameEn = "Demoiselle Crane",
            NameZh = "蓑羽鹤", NameJa = "アネハヅル", NameKo = "쇠재두루미", NameRu = "Красавка", NameMn = "Өвөгт тогоруу" },
        new() { ScientificName = "Antigone canadensis", Synonyms = ["Grus canadensis"], NameEn = "Sandhill Crane",
            NameZh = "沙丘鹤", NameJa = "カナダヅル", NameKo = "캐나다두루미", NameRu = "Канадский журавль",
            NameMn = "Канад тогоруу" },
    ];

    /// <summary>Inserts the seed species that are not in the table yet.</summary>
    public static async Task SeedAsync(NpgsqlConnection connection, CancellationToken cancellationToken = default)
    {
        foreach (var s in Seed)
        {
            await using var cmd = new NpgsqlCommand(
                """
                insert into species (scientific_name, synonyms, name_en, name_zh, name_ja, name_ko, name_ru, name_mn, is_flagship)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
                on conflict (scientific_name) do nothing
                """, connection);
            cmd.Parameters.AddWithValue(s.ScientificName);
            cmd.Parameters.AddWithValue(s.Synonyms.ToArray());
            foreach (var name in new[] { s.NameEn, s.NameZh, s.NameJa, s.NameKo, s.NameRu, s.NameMn })
            {
                cmd.Parameters.AddWithValue((object?)name ?? DBNull.Value);
            }
            cmd.Parameters.AddWithValue(s.IsFlagship);
            await cmd.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
