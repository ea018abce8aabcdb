using Neaspec.Survey.Connectivity.Migratory;

namespace Neaspec.Survey.Connectivity.Tests.Migratory;

public sealed class MigratoryConnectivityTests
{
    // Four sites in a line, one unit apart, at origin and at target: d_ik = |i - k|.
    private static readonly double[,] Line =
    {
        { 0, 1, 2, 3 },
        { 1, 0, 1, 2 },
        { 2, 1, 0, 1 },
        { 3, 2, 1, 0 },
    };

    private static readonly double[] Equal = [10000, 10000, 10000, 10000];

    /// <summary>The psi scenarios of MigConnectivity's tests/testthat/test_calcMC.R (SMBC-NZP/MigConnectivity),
    /// written out row by row, with the package's expected MC for equal abundance and no sample size.</summary>
    public static TheoryData<string, double[][], double> PackageScenarios() => new()
    {
        { "full mix", [[0.25, 0.25, 0.25, 0.25], [0.25, 0.25, 0.25, 0.25], [0.25, 0.25, 0.25, 0.25], [0.25, 0.25, 0.25, 0.25]], 0 },
        { "avoid one site", [[0.32, 0.32, 0.32, 0.04], [0.32, 0.32, 0.32, 0.04], [0.32, 0.32, 0.32, 0.04], [0.32, 0.32, 0.32, 0.04]], 0 },
        { "full connectivity", [[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]], 1 },
        { "half mix", [[0.5, 0.5, 0, 0], [0.5, 0.5, 0, 0], [0, 0, 0.5, 0.5], [0, 0, 0.5, 0.5]], 0.6 },
        { "low", [[0.55, 0.2, 0.15, 0.1], [0.1, 0.55, 0.2, 0.15], [0.15, 0.1, 0.55, 0.2], [0.2, 0.15, 0.1, 0.55]], 0.196 },
        { "medium", [[0.75, 0.15, 0.05, 0.05], [0.05, 0.75, 0.15, 0.05], [0.05, 0.05, 0.75, 0.15], [0.15, 0.05, 0.05, 0.75]], 0.504 },
        { "site preference", [[0.25, 0.25, 0.25, 0.25], [0.25, 0.25, 0.25, 0.25], [0.25, 0.25, 0.25, 0.25], [0, 0, 0, 1]], 0.164144856 },
        { "negative", [[0.01, 0.49, 0.49, 0.01], [0.49, 0.01, 0.01, 0.49], [0.49, 0.01, 0.01, 0.49], [0.01, 0.49, 0.49, 0.01]], -0.06656 },
    };

    [Theory]
    [MemberData(nameof(PackageScenarios))]
    public void The_packages_published_scenarios_give_its_MC(string scenario, double[][] psi, double expected)
    {
        var mc = MigratoryConnectivity.Strength(Matrix(psi), Line, Line, Equal);

        Assert.True(Math.Abs(mc - expected) <= 1e-6, $"{scenario}: MC = {mc}, package {expected}");
    }

    [Fact]
    public void The_packages_small_sample_reference_full_mix_of_40000_animals()
    {
        // test_calcMC.R: full mix, 10,000 animals at each of the four origins, sampleSize = 40,000.
        var psi = Matrix([[0.25, 0.25, 0.25, 0.25], [0.25, 0.25, 0.25, 0.25], [0.25, 0.25, 0.25, 0.25], [0.25, 0.25, 0.25, 0.25]]);

        var mc = MigratoryConnectivity.Strength(psi, Line, Line, Equal, sampleSize: 40000);

        Assert.Equal(-0.00004166944463, mc, 1e-12);
    }

    [Fact]
    public void Half_mix_worked_by_hand()
    {
        // Origins 1,2 send half to targets 1 and 2; origins 3,4 half to 3 and 4; equal abundance r = 1/4.
        // Origin pairs weigh 1/16: Dbar = (2 (3*1 + 2*2 + 1*3)) / 16 = 1.25;
        // var D = (4*1.25^2 + 6*0.25^2 + 4*0.75^2 + 2*1.75^2) / 16 = 15/16 = 0.9375; the same for targets (t = 1/4).
        // Q_ik = sum_jl psi_ij psi_kl (V_jl - 1.25): -0.75 within a group (0.25 * (0+1+1+0 - 5)), +0.75 across
        // (0.25 * (2+3+1+2 - 5)). Cross = [2 groups * (-3)(-0.75) + 2 blocks * 3 * 0.75] / 16 = 9/16.
        // MC = (9/16) / (15/16) = 0.6.
        var psi = Matrix([[0.5, 0.5, 0, 0], [0.5, 0.5, 0, 0], [0, 0, 0.5, 0.5], [0, 0, 0.5, 0.5]]);

        Assert.Equal(0.6, MigratoryConnectivity.Strength(psi, Line, Line, [1, 1, 1, 1]), 12);
    }

    [Fact]
    public void Small_sample_four_birds_worked_by_hand()
    {
        // Two origins and two targets one unit apart, N = 4: two birds per origin, one to each target
        // (psi = 0.5 everywhere). Birds a (o1,t1), b (o1,t2), c (o2,t1), d (o2,t2); the 6 pairs
        // ab ac ad bc bd cd have D = 0 1 1 1 1 0 and V = 1 0 1 1 0 1. Both means 2/3; sum dD dV =
        // -2/9 -2/9 +1/9 +1/9 -2/9 -2/9 = -2/3; sum dD^2 = sum dV^2 = 4/3; r = -0.5. A bird cannot pair with
        // itself, so in a population of four perfect mixing is negative; MC(R) (N infinite) is 0.
        var psi = Matrix([[0.5, 0.5], [0.5, 0.5]]);
        var d = Matrix([[0, 1], [1, 0]]);

        Assert.Equal(-0.5, MigratoryConnectivity.Strength(psi, d, d, [1, 1], sampleSize: 4), 12);
        Assert.Equal(0, MigratoryConnectivity.Strength(psi, d, d, [1, 1]), 12);
    }

    [Fact]
    public void Abundance_is_normalised_and_unequal_abundance_weighs_origins()
    {
        var psi = Matrix([[0.75, 0.15, 0.05, 0.05], [0.05, 0.75, 0.15, 0.05], [0.05, 0.05, 0.75, 0.15], [0.15, 0.05, 0.05, 0.75]]);

        Assert.Equal(MigratoryConnectivity.Strength(psi, Line, Line, [1, 1, 1, 1]),
            MigratoryConnectivity.Strength(psi, Line, Line, [250, 250, 250, 250]), 12);
        // Nearly all birds at origin 1: origin distances barely vary; MC changes.
        Assert.NotEqual(MigratoryConnectivity.Strength(psi, Line, Line, [1, 1, 1, 1]),
            MigratoryConnectivity.Strength(psi, Line, Line, [97, 1, 1, 1]), 3);
    }

    [Fact]
    public void Scale_of_the_distances_does_not_change_MC()
    {
        var psi = Matrix([[0.55, 0.2, 0.15, 0.1], [0.1, 0.55, 0.2, 0.15], [0.15, 0.1, 0.55, 0.2], [0.2, 0.15, 0.1, 0.55]]);
        var km = new double[4, 4];
        for (var i = 0; i < 4; i++)
        {
            for (var k = 0; k < 4; k++)
            {
                km[i, k] = 111.2 * Line[i, k];
            }
        }

        Assert.Equal(0.196, MigratoryConnectivity.Strength(psi, km, Line, Equal), 9);
    }

    [Fact]
    public void A_single_origin_with_abundance_has_no_origin_spread_so_MC_is_undefined()
    {
        var psi = Matrix([[1, 0], [0, 1]]);
        var d = Matrix([[0, 1], [1, 0]]);

        Assert.True(double.IsNaN(MigratoryConnectivity.Strength(psi, d, d, [1, 0])));
    }

    [Fact]
    public void Bad_arguments_are_refused()
    {
        var d = Matrix([[0, 1], [1, 0]]);
        Assert.Throws<ArgumentException>(() => MigratoryConnectivity.Strength(Matrix([[0.5, 0.4], [0, 1]]), d, d, [1, 1]));
        Assert.Throws<ArgumentException>(() => MigratoryConnectivity.Strength(Matrix([[1, 0], [0, 1]]), Matrix([[0, 1], [2, 0]]), d, [1, 1]));
        Assert.Throws<ArgumentException>(() => MigratoryConnectivity.Strength(Matrix([[1, 0], [0, 1]]), Matrix([[0, -1], [-1, 0]]), d, [1, 1]));
        Assert.Throws<ArgumentException>(() => MigratoryConnectivity.Strength(Matrix([[1, 0], [0, 1]]), d, d, [1, 1, 1]));
        Assert.Throws<ArgumentException>(() => MigratoryConnectivity.Strength(Matrix([[1, 0], [0, 1]]), d, d, [0, 0]));
        Assert.Throws<ArgumentOutOfRangeException>(() => MigratoryConnectivity.Strength(Matrix([[1, 0], [0, 1]]), d, d, [1, 1], sampleSize: 1));
    }

    internal static double[,] Matrix(double[][] rows)
    {
        var m = new double[rows.Length, rows[0].Length];
        for (var i = 0; i < rows.Length; i++)
        {
            for (var j = 0; j < rows[i].Length; j++)
            {
                m[i, j] = rows[i][j];
            }
        }
        return m;
    }
}
