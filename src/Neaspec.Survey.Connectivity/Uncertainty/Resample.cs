using System.Collections;

namespace Neaspec.Survey.Connectivity.Uncertainty;

/// <summary>
/// One bootstrap resample: n individuals drawn with replacement from the n of the sample. It reads as the list of
/// drawn records (a record drawn twice appears twice) and also gives, for statistics that count, how many copies of
/// each original individual it holds.
/// </summary>
/// <typeparam name="TRecord">An individual's record (its moves, its origin and target, ...).</typeparam>
public sealed class Resample<TRecord> : IReadOnlyList<TRecord>
{
    private readonly IReadOnlyList<TRecord> individuals;
    private readonly int[] picks;
    private readonly int[] copies;

    internal Resample(IReadOnlyList<TRecord> individuals)
    {
        this.individuals = individuals;
        picks = new int[individuals.Count];
        copies = new int[individuals.Count];
    }

    /// <summary>The drawn record at position <paramref name="index"/> of the resample.</summary>
    public TRecord this[int index] => individuals[picks[index]];

    /// <summary>n, the size of the resample (that of the sample).</summary>
    public int Count => picks.Length;

    /// <summary>Index in the original sample of each drawn record, in draw order.</summary>
    public IReadOnlyList<int> Picks => picks;

    /// <summary>How many times the original individual <paramref name="individual"/> was drawn (0 or more).</summary>
    public int Copies(int individual) => copies[individual];

    /// <summary>The original sample.</summary>
    public IReadOnlyList<TRecord> Sample => individuals;

    /// <summary>Draws a new resample in place from <paramref name="random"/>.</summary>
    internal void Draw(RandomStream random)
    {
        Array.Clear(copies);
        for (var i = 0; i < picks.Length; i++)
        {
            var k = random.NextInt(picks.Length);
            picks[i] = k;
            copies[k]++;
        }
    }

    /// <summary>Enumerates the drawn records in draw order.</summary>
    public IEnumerator<TRecord> GetEnumerator()
    {
        foreach (var k in picks)
        {
            yield return individuals[k];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
