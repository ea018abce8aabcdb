using System.Globalization;
using System.Text;

namespace Neaspec.Survey.Storage.Names;

/// <summary>The matching key of a species name: two spellings with the same key are the same name. The key
/// ignores what field sheets vary without meaning to: Unicode normalisation form and width (NFKC: macOS writes
/// Hangul decomposed, East Asian keyboards type full-width Latin), case, surrounding and repeated spaces, a
/// hyphen or dash against a space (Black-tailed / Black tailed Godwit), Hiragana against Katakana (Japanese
/// species names are written in Katakana; the two syllabaries map one to one, U+3041-3096 to U+30A1-30F6), and
/// Traditional against Simplified Chinese characters (<see cref="HanFolding"/>). <see cref="Exact"/> is the same key
/// without that last fold: where two regions' checklists use one word for two species in different scripts (Taiwan's
/// 大杓鷸 is the Eurasian Curlew, the mainland's 大杓鹬 the Far Eastern Curlew), the spelling as written decides.</summary>
public static class NameKey
{
    private const int HiraganaFirst = 0x3041;
    private const int HiraganaLast = 0x3096;
    private const int KatakanaOffset = 0x60;

    /// <summary>The key with Traditional and Simplified characters folded together.</summary>
    public static string Of(string name) => Key(name, foldHan: true);

    /// <summary>The key that keeps Traditional and Simplified characters apart.</summary>
    public static string Exact(string name) => Key(name, foldHan: false);

    private static string Key(string name, bool foldHan)
    {
        ArgumentNullException.ThrowIfNull(name);
        var normal = name.Normalize(NormalizationForm.FormKC);
        normal = foldHan ? HanFolding.Fold(normal) : normal;
        var sb = new StringBuilder(normal.Length);
        var space = false;
        foreach (var c in normal)
        {
            if (char.IsWhiteSpace(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.DashPunctuation)
            {
                space = true;
                continue;
            }
            if (space && sb.Length > 0)
            {
                sb.Append(' ');
            }
            space = false;
            sb.Append(c is >= (char)HiraganaFirst and <= (char)HiraganaLast
                ? (char)(c + KatakanaOffset)
                : char.ToLower(c, CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }
}
