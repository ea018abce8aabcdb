using Neaspec.Survey.Connectivity.Uncertainty;

namespace Neaspec.Survey.Connectivity.Tests.Uncertainty;

public sealed class BootstrapTests
{
    private static readonly double[] Sample = [3.1, 0.4, 7.7, 2.2, 9.0, 5.5, 1.3, 6.8, 4.4, 8.1, 0.9, 2.7];

    private static double Mean(Resample<double> r) => r.Average();

    [Fact]
    public void The_same_seed_gives_identical_replicates_on_one_thread_and_on_two()
    {
        var one = Bootstrap.Run(Sample, Mean, new BootstrapOptions { Replicates = 500, Seed = 42, MaxDegreeOfParallelism = 1 });
        var two = Bootstrap.Run(Sample, Mean, new BootstrapOptions { Replicates = 500, Seed = 42, MaxDegreeOfParallelism = 2 });
        var again = Bootstrap.Run(Sample, Mean, new BootstrapOptions { Replicates = 500, Seed = 42, MaxDegreeOfParallelism = 2 });

        Assert.Equal(one.Replicates, two.Replicates);
        Assert.Equal(two.Replicates, again.Replicates);
        Assert.Equal(one.Interval(x => x), two.Interval(x => x));
        Assert.Equal(42, one.Seed);
    }

    [Fact]
    public void Another_seed_gives_other_replicates_and_no_seed_reports_the_one_drawn()
    {
        var a = Bootstrap.Run(Sample, Mean, new BootstrapOptions { Replicates = 200, Seed = 1 });
        var b = Bootstrap.Run(Sample, Mean, new BootstrapOptions { Replicates = 200, Seed = 2 });
        var drawn = Bootstrap.Run(Sample, Mean, new BootstrapOptions { Replicates = 200 });
        var repeated = Bootstrap.Run(Sample, Mean, new BootstrapOptions { Replicates = 200, Seed = drawn.Seed });

        Assert.NotEqual(a.Replicates, b.Replicates);
        Assert.Equal(drawn.Replicates, repeated.Replicates);
    }

    [Fact]
    public void Replicate_r_does_not_depend_on_how_many_replicates_run()
    {
        var short_ = Bootstrap.Run(Sample, Mean, new BootstrapOptions { Replicates = 10, Seed = 7 });
        var long_ = Bootstrap.Run(Sample, Mean, new BootstrapOptions { Replicates = 1000, Seed = 7 });

        Assert.Equal(short_.Replicates, long_.Replicates.Take(10));
    }

    [Fact]
    public void Resampling_two_values_gives_the_binomial_frequencies()
    {
        // Two individuals 0 and 1: a resample of 2 holds both (mean 0.5) with probability 1/2 and one of them
        // twice (mean 0 or 1) with 1/4 each. With 8,000 replicates the shares are within 0.02 of that
        // (4.5 binomial standard deviations, sqrt(0.25/8000) = 0.0056), for this fixed seed and any other.
        var replicates = Bootstrap.Run([0.0, 1.0], Mean, new BootstrapOptions { Replicates = 8000, Seed = 3 }).Replicates;

        Assert.Equal(0.25, replicates.Count(x => x == 0) / 8000.0, 0.02);
        Assert.Equal(0.50, replicates.Count(x => x == 0.5) / 8000.0, 0.02);
        Assert.Equal(0.25, replicates.Count(x => x == 1) / 8000.0, 0.02);
    }

    [Fact]
    public void Copies_count_each_individual_in_the_resample()
    {
        var ok = true;
        Bootstrap.Run(Sample, r =>
        {
            var copies = Enumerable.Range(0, Sample.Length).Select(r.Copies).ToArray();
            ok &= copies.Sum() == r.Count && r.Picks.All(k => copies[k] > 0)
                && r.Select((x, i) => x == Sample[r.Picks[i]]).All(same => same);
            return 0.0;
        }, new BootstrapOptions { Replicates = 50, Seed = 5, MaxDegreeOfParallelism = 1 });

        Assert.True(ok);
    }

    [Fact]
    public void Rejected_resamples_are_drawn_again_and_counted()
    {
        // Accept only resamples holding individual 0; P(absent) = (11/12)^12 = 0.35, so redraws happen.
        var result = Bootstrap.Run(Sample, r => r.Copies(0), new BootstrapOptions { Replicates = 300, Seed = 11 },
            accept: r => r.Copies(0) > 0);

        Assert.All(result.Replicates, copies => Assert.True(copies > 0));
        Assert.InRange(result.Redraws, 1, 1000);
    }

    [Fact]
    public void A_condition_never_met_stops_with_a_message_not_a_wrapper()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Bootstrap.Run(Sample, Mean,
            new BootstrapOptions { Replicates = 20, Seed = 1, MaxDrawsPerReplicate = 5 }, accept: _ => false));

        Assert.Contains("none of 5 resamples", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Generic_over_the_record_and_the_statistic()
    {
        // Records are birds with moves; the statistic a tuple. Birds (a: 2 moves, b: 0, c: 1): the share of
        // birds that moved is 2/3 in the sample and always in {0, 1/3, 2/3, 1} in a resample.
        (string Id, int Moves)[] birds = [("a", 2), ("b", 0), ("c", 1)];

        var result = Bootstrap.Run(birds, r => (Moved: r.Count(b => b.Moves > 0) / 3.0, Moves: r.Sum(b => b.Moves)),
            new BootstrapOptions { Replicates = 100, Seed = 9 });

        Assert.All(result.Replicates, s => Assert.Contains(Math.Round(s.Moved * 3, 9), new[] { 0.0, 1, 2, 3 }));
        Assert.InRange(result.Interval(s => s.Moves).High, 0, 6);
    }
}
