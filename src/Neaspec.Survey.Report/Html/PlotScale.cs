namespace Neaspec.Survey.Report.Html;

/// <summary>Axis ranges and ticks at round numbers (1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 times a power of ten).</summary>
internal static class PlotScale
{
    private static readonly double[] Steps = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10];

    /// <summary>The smallest round number at or above <paramref name="value"/> (> 0).</summary>
    public static double NiceCeiling(double value)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var m in Steps)
        {
            if (m * magnitude >= value)
            {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    /// <summary>About five ticks from 0 to <paramref name="max"/>, a round step apart.</summary>
    public static IEnumerable<double> Ticks(double max)
    {
        var step = NiceCeiling(max / 5);
        for (var t = 0.0; t <= max * 1.0001; t += step)
        {
            yield return t;
        }
    }
}
