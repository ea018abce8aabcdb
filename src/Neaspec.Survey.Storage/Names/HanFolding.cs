using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Neaspec.Survey.Storage.Names;

/// <summary>Folds Traditional Chinese characters to their Simplified variants, so that 黑面琵鷺 (as teams in Taiwan
/// write it) and 黑面琵鹭 match the same catalogue name. The table (<c>Names/han-variants.txt</c>, 6,300 pairs) is
/// derived by <c>scripts/unihan-variants</c> from the Unicode Unihan database, Unicode 15.0 (UAX #38:
/// kSimplifiedVariant, kTraditionalVariant read backwards, kZVariant); semantic variants are left out. Folding
/// goes one way, Traditional to Simplified, because that direction is a function: several Traditional characters
/// share one Simplified form (髮 and 發 are both 发), while the way back needs the word to choose.</summary>
public static class HanFolding
{
    private static readonly Lazy<FrozenDictionary<int, int>> Table = new(Load);

    /// <summary>The number of characters that fold to another.</summary>
    public static int Count => Table.Value.Count;

    /// <summary><paramref name="text"/> with every character that has a Simplified variant replaced by it; other
    /// characters (Latin, kana, Hangul, Simplified Han) unchanged.</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var table = Table.Value;
        StringBuilder? folded = null;
        var index = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (table.TryGetValue(rune.Value, out var target))
            {
                folded ??= new StringBuilder(text, 0, index, text.Length + 2);
                folded.Append(char.ConvertFromUtf32(target));
            }
            else
            {
                folded?.Append(rune.ToString());
            }
            index += rune.Utf16SequenceLength;
        }
        return folded?.ToString() ?? text;
    }

    /// <summary>Whether <paramref name="text"/> holds a character that folds (a Traditional form).</summary>
    public static bool HasTraditional(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var table = Table.Value;
        foreach (var rune in text.EnumerateRunes())
        {
            if (table.ContainsKey(rune.Value))
            {
                return true;
            }
        }
        return false;
    }

    private static FrozenDictionary<int, int> Load()
    {
        using var stream = typeof(HanFolding).Assembly.GetManifestResourceStream("Neaspec.Survey.Storage.han-variants.txt")
            ?? throw new InvalidOperationException("The Han folding table is not embedded in the Storage assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var pairs = new Dictionary<int, int>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }
            // from<TAB>to<TAB>characters: the code points are the data, the characters are for the reader.
            var fields = line.Split('\t');
            pairs[int.Parse(fields[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture)] =
                int.Parse(fields[1], NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        }
        return pairs.ToFrozenDictionary();
    }
}
