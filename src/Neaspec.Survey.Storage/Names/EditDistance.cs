namespace Neaspec.Survey.Storage.Names;

/// <summary>The optimal string alignment distance between two sequences of characters: the fewest insertions,
/// deletions, substitutions and swaps of two adjacent characters that turn one into the other, no character
/// edited twice (Damerau 1964, "A technique for computer detection and correction of spelling errors", CACM 7(3);
/// Levenshtein 1966 without the swap; the restricted form as Navarro 2001, "A guided tour to approximate string
/// matching", ACM Computing Surveys 33(1), section 2.1, defines it). Damerau found that 80 % of misspellings are one
/// such edit. A "character" is one element of the sequence: <see cref="NameUnits"/> makes it a user-perceived
/// character, so a Han character, a Hangul syllable or a Latin letter each count one.</summary>
public static class EditDistance
{
    /// <summary>The distance between <paramref name="a"/> and <paramref name="b"/>, computed by the dynamic
    /// programme d[i,j] = min(d[i-1,j] + 1, d[i,j-1] + 1, d[i-1,j-1] + [a_i != b_j], d[i-2,j-2] + 1 when a_i = b_(j-1)
    /// and a_(i-1) = b_j), in O(|a| |b|) time and three rows of memory.</summary>
    public static int Between(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var before = new int[b.Count + 1];
        var previous = new int[b.Count + 1];
        var current = new int[b.Count + 1];
        for (var j = 0; j <= b.Count; j++)
        {
            previous[j] = j;
        }
        for (var i = 1; i <= a.Count; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Count; j++)
            {
                var cost = string.Equals(a[i - 1], b[j - 1], StringComparison.Ordinal) ? 0 : 1;
                var best = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && string.Equals(a[i - 1], b[j - 2], StringComparison.Ordinal)
                    && string.Equals(a[i - 2], b[j - 1], StringComparison.Ordinal))
                {
                    best = Math.Min(best, before[j - 2] + 1);
                }
                current[j] = best;
            }
            (before, previous, current) = (previous, current, before);
        }
        return previous[b.Count];
    }
}
