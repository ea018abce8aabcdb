using System.Globalization;
using System.Text;

namespace Neaspec.Survey.Storage.Names;

/// <summary>A name as the sequence of characters a reader sees (extended grapheme clusters, UAX #29), and which
/// kind of script it is written in. Han, Hangul and Kana names are compared by character: one character is a
/// morpheme or a syllable, so a four-character name that differs in one character is already a different word;
/// alphabetic names (Latin, Cyrillic) are compared by letter and tolerate more edits.</summary>
public sealed class NameUnits
{
    private NameUnits(string[] units, bool isSyllabic)
    {
        Units = units;
        IsSyllabic = isSyllabic;
    }

    public IReadOnlyList<string> Units { get; }

    public int Count => Units.Count;

    /// <summary>Written mostly in Han characters, Hangul syllables or Kana (the CJK scripts, where one character
    /// carries a syllable or a morpheme).</summary>
    public bool IsSyllabic { get; }

    /// <summary>The units of a name given as its matching key (<see cref="NameKey.Of"/>).</summary>
    public static NameUnits Of(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var units = new List<string>(key.Length);
        var syllabic = 0;
        var enumerator = StringInfo.GetTextElementEnumerator(key);
        while (enumerator.MoveNext())
        {
            var unit = enumerator.GetTextElement();
            units.Add(unit);
            if (IsCjk(Rune.GetRuneAt(unit, 0).Value))
            {
                syllabic++;
            }
        }
        return new NameUnits([.. units], syllabic * 2 > units.Count);
    }

    /// <summary>The most edits at which <paramref name="other"/> still looks like a misspelling of this name: a
    /// third of the longer name's characters in CJK scripts, a quarter of its letters in alphabetic ones, at least
    /// one. (黑面琵鹭鸟 is one character from 黑面琵鹭; Hooded Crain two letters from Hooded Crane.)</summary>
    public int Tolerance(NameUnits other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var longer = Math.Max(Count, other.Count);
        return Math.Max(1, IsSyllabic || other.IsSyllabic ? longer / 3 : longer / 4);
    }

    // Blocks of the Unicode Character Database (Blocks.txt): CJK Unified Ideographs and Extension A, Extensions B
    // and later (planes 2 and 3), CJK Compatibility Ideographs, Hiragana and Katakana, Katakana Phonetic
    // Extensions, Hangul Jamo, Hangul Compatibility Jamo and Hangul Syllables.
    private static bool IsCjk(int c) =>
        c is (>= 0x3400 and <= 0x4DBF) or (>= 0x4E00 and <= 0x9FFF) or (>= 0x20000 and <= 0x3FFFF) or (>= 0xF900 and <= 0xFAFF)
            or (>= 0x3040 and <= 0x30FF) or (>= 0x31F0 and <= 0x31FF) or (>= 0x1100 and <= 0x11FF) or (>= 0x3130 and <= 0x318F)
            or (>= 0xAC00 and <= 0xD7AF);
}
