using System.Globalization;
using Neaspec.Survey.Trends;

namespace Neaspec.Survey.Trends.Tests;

/// <summary>TRIM's skylark example (TestData/skylark.md) as library input.</summary>
internal static class Skylark
{
    public static TrendInput Input(bool habitat = false)
    {
        var lines = File.ReadAllLines(TestFiles.Data("skylark.csv")).Skip(1);
        var counts = lines.Select(line => line.Split(',')).Select(f => new SiteYearCount(
            f[0], int.Parse(f[1], CultureInfo.InvariantCulture),
            f[2].Length == 0 ? null : int.Parse(f[2], CultureInfo.InvariantCulture),
            habitat ? [f[3]] : [])).ToList();
        return new TrendInput { Counts = counts, CovariateNames = habitat ? ["habitat"] : [] };
    }
}
