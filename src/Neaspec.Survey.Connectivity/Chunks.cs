namespace Neaspec.Survey.Connectivity;

/// <summary>
/// Sources split into a fixed number of contiguous chunks that depends on n only, never on the machine's cores:
/// each chunk is summed in source order and the chunks in chunk order, so floating-point sums, and the files written
/// from them, are the same bits on every run.
/// </summary>
internal readonly struct Chunks
{
    private const int Most = 64;
    private readonly int n;

    private Chunks(int n, int count)
    {
        this.n = n;
        Count = count;
    }

    public int Count { get; }

    public static Chunks Of(int n) => new(n, Math.Min(n, Most));

    public int From(int chunk) => (int)((long)chunk * n / Count);

    public int To(int chunk) => (int)((long)(chunk + 1) * n / Count);
}
