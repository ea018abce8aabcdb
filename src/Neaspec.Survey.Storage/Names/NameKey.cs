using System.Globalization;
using System.Text;

namespace Neaspec.Survey.Storage.Names;

/// <summary>The matching key of a species name: two spellings with the same key are the same name. The key
/// ignores what field sheets vary without meaning to: Unicode normalisation form and width (NFKC: macOS writes
/// Hangul decomposed, East Asian keyboards type full-width Latin), case, surrounding and repeated spaces, a
/// hyphen or dash against a space (Black-tailed / Black tailed Godwit), Hiragana against Katakana (Japanese
/// species names are written in Katakana; the two syllabaries map one to one, U+3041-3096 to U+30A1-30F6), and
/// Traditional against Simplified Chinese characters (<see cref="HanFolding"/>).</summary>
public static class NameKey
{
    private const int HiraganaFirst = 0x3041;
    private const int HiraganaLast = 0x3096;
    private const int KatakanaOffset = 0x60;

    public static string Of(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var normal = HanFolding.Fold(name.Normalize(NormalizationForm.FormKC));
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
