namespace Neaspec.Survey.Trends;

/// <summary>TRIM's overall slope: the least-squares slope of ln(time total) on the year, its standard error
/// from the totals' covariance (a sandwich estimator), the Wald test of slope = 0 and the trend class
/// (TRIM 3 manual, "Overall slope" and "Trend classification").</summary>
/// <param name="Additive">b: the average change of ln(total) per year.</param>
/// <param name="AdditiveSe">Standard error of b.</param>
/// <param name="Wald">Wald statistic (b / SE)², χ² with 1 degree of freedom under "no trend".</param>
/// <param name="P">p-value of the Wald test.</param>
/// <param name="Class">The trend class.</param>
/// <param name="Significance">"p&lt;0.01" or "p&lt;0.05" for an increase or decline class (whether the
/// 99 % interval also supports it), otherwise null.</param>
public sealed record OverallSlope(double Additive, double AdditiveSe, double Wald, double P, TrendClass Class, string? Significance)
{
    /// <summary>exp(b): the average yearly growth factor (1.03 = 3 % a year).</summary>
    public double Multiplicative => Math.Exp(Additive);

    /// <summary>Standard error of exp(b) by the delta method: exp(b) SE(b).</summary>
    public double MultiplicativeSe => Math.Exp(Additive) * AdditiveSe;
}
