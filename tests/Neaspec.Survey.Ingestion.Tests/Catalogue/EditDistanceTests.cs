using Neaspec.Survey.Storage.Names;

namespace Neaspec.Survey.Ingestion.Tests.Catalogue;

/// <summary>The optimal string alignment distance on the textbook cases and on names, by character.</summary>
public sealed class EditDistanceTests
{
    private static int Distance(string a, string b) =>
        EditDistance.Between(NameUnits.Of(NameKey.Of(a)).Units, NameUnits.Of(NameKey.Of(b)).Units);

    [Theory]
    // Levenshtein's classic: kitten -> sitten (k/s) -> sittin (e/i) -> sitting (+g) = 3.
    [InlineData("kitten", "sitting", 3)]
    // One swap of adjacent letters is one edit (Damerau); plain Levenshtein counts it 2.
    [InlineData("ca", "ac", 1)]
    // The case that tells the restricted form from true Damerau-Levenshtein: CA -> ABC is 2 with unrestricted swaps
    // (CA -> AC -> ABC) but 3 when no substring is edited twice (Navarro 2001, section 2.1; Boytsov 2011).
    [InlineData("ca", "abc", 3)]
    [InlineData("", "grus", 4)]
    [InlineData("grus", "grus", 0)]
    // By character: one Han character added is one edit, whatever its UTF-16 or UTF-8 length.
    [InlineData("黑面琵鹭鸟", "黑面琵鹭", 1)]
    [InlineData("흑두루미", "재두루미", 1)]
    // A folded character is no edit at all: 鷺 and 鹭 share a key.
    [InlineData("黑面琵鷺", "黑面琵鹭", 0)]
    public void Distances_worked_by_hand(string a, string b, int expected)
    {
        Assert.Equal(expected, Distance(a, b));
        Assert.Equal(expected, Distance(b, a));
    }

    [Theory]
    // 4 characters: a third is 1. 11 characters: a third is 3.
    [InlineData("黑面琵鹭", "黑面琵", 1)]
    [InlineData("ハジロカイツブリ類の鳥", "ハジロカイツブリ", 3)]
    // 12 letters: a quarter is 3. 4 letters: at least 1.
    [InlineData("hooded crane", "hooded crain", 3)]
    [InlineData("smew", "teal", 1)]
    public void Tolerance_is_a_third_of_a_cjk_name_and_a_quarter_of_an_alphabetic_one(string a, string b, int expected) =>
        Assert.Equal(expected, NameUnits.Of(NameKey.Of(a)).Tolerance(NameUnits.Of(NameKey.Of(b))));
}
