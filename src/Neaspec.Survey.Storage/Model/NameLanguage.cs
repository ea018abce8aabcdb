namespace Neaspec.Survey.Storage.Model;

/// <summary>The languages of the catalogue's common names, as BCP 47 tags (Chinese by script: zh-Hans for the
/// Simplified characters of the mainland, zh-Hant for the Traditional ones of Taiwan, Hong Kong and Macao), and the
/// <c>species</c> column that holds each language's preferred name. Other names of a language live in
/// <c>species_names</c>.</summary>
public static class NameLanguage
{
    public const string En = "en";
    public const string ZhHans = "zh-Hans";
    public const string ZhHant = "zh-Hant";
    public const string Ja = "ja";
    public const string Ko = "ko";
    public const string Ru = "ru";
    public const string Mn = "mn";

    /// <summary>Every language, in the order of the columns.</summary>
    public static readonly IReadOnlyList<string> All = [En, ZhHans, ZhHant, Ja, Ko, Ru, Mn];

    /// <summary>The preferred-name column of each language, in the order of <see cref="All"/>.</summary>
    public static readonly IReadOnlyList<string> Columns = ["name_en", "name_zh", "name_zh_hant", "name_ja", "name_ko", "name_ru", "name_mn"];

    /// <summary>The preferred-name column of <paramref name="language"/>.</summary>
    public static string Column(string language)
    {
        var i = IndexOf(language);
        return i >= 0 ? Columns[i] : throw new ArgumentOutOfRangeException(nameof(language), language, "not a catalogue language");
    }

    /// <summary>The language as the catalogue spells it, for any case of the tag (ZH-HANT, zh-hant), or null.</summary>
    public static string? Parse(string? tag) => All.FirstOrDefault(l => string.Equals(l, tag?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The preferred name of <paramref name="species"/> in <paramref name="language"/>.</summary>
    public static string? PreferredName(Species species, string language)
    {
        ArgumentNullException.ThrowIfNull(species);
        return language switch
        {
            En => species.NameEn,
            ZhHans => species.NameZh,
            ZhHant => species.NameZhHant,
            Ja => species.NameJa,
            Ko => species.NameKo,
            Ru => species.NameRu,
            Mn => species.NameMn,
            _ => throw new ArgumentOutOfRangeException(nameof(language), language, "not a catalogue language"),
        };
    }

    private static int IndexOf(string language)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (All[i] == language)
            {
                return i;
            }
        }
        return -1;
    }
}
