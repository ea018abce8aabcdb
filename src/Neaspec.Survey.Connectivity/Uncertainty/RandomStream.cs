namespace Neaspec.Survey.Connectivity.Uncertainty;

/// <summary>
/// The random numbers of one bootstrap replicate: xoshiro256** (Blackman &amp; Vigna 2021, "Scrambled linear
/// pseudorandom number generators", ACM TOMS 47:36) seeded by SplitMix64 from (seed, replicate).
/// </summary>
/// <remarks>
/// One stream per replicate, derived only from the seed and the replicate number, is what makes results identical
/// on any number of threads: no replicate depends on which thread ran it or on what ran before. The generator is
/// written out here rather than taken from <see cref="Random"/> so that a seed gives the same numbers on every
/// .NET version (Random's seeded algorithm is an implementation detail).
/// </remarks>
internal sealed class RandomStream
{
    private ulong s0, s1, s2, s3;

    public RandomStream(long seed, int replicate)
    {
        // SplitMix64 (Steele, Lea & Flood 2014) spreads (seed, replicate) over the 256-bit state; replicate r
        // starts r golden-ratio increments further, so neighbouring replicates get unrelated states.
        var x = unchecked((ulong)seed + ((ulong)(uint)replicate * 0x9E3779B97F4A7C15UL));
        s0 = SplitMix(ref x);
        s1 = SplitMix(ref x);
        s2 = SplitMix(ref x);
        s3 = SplitMix(ref x);
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        var result = ulong.RotateLeft(s1 * 5, 7) * 9;
        var t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = ulong.RotateLeft(s3, 45);
        return result;
    }

    /// <summary>A uniform integer in [0, <paramref name="bound"/>), without modulo bias (Lemire 2019, "Fast random
    /// integer generation in an interval", ACM TOMACS 29:3).</summary>
    public int NextInt(int bound)
    {
        var n = (ulong)bound;
        var high = Math.BigMul(NextUInt64(), n, out var low);
        if (low < n)
        {
            var threshold = (0 - n) % n;
            while (low < threshold)
            {
                high = Math.BigMul(NextUInt64(), n, out low);
            }
        }
        return (int)high;
    }

    private static ulong SplitMix(ref ulong x)
    {
        x = unchecked(x + 0x9E3779B97F4A7C15UL);
        var z = x;
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EBUL);
        return z ^ (z >> 31);
    }
}
