namespace Neaspec.Survey.Trends;

/// <summary>TRIM's classification of an overall slope by where the 95 % confidence interval of the
/// multiplicative slope (slope ± 1.96 SE) lies against 0.95, 1 and 1.05 (TRIM 3 manual, "Trend
/// classification"; 5 % a year doubles a population in about 15 years or halves it in about 14).</summary>
public enum TrendClass
{
    /// <summary>Increase significantly more than 5 % a year: lower limit &gt; 1.05.</summary>
    StrongIncrease,

    /// <summary>Significant increase, not significantly more than 5 % a year: 1 &lt; lower limit &lt;= 1.05.</summary>
    ModerateIncrease,

    /// <summary>No significant change, and certainly less than 5 % a year either way: the interval holds 1
    /// and lies within [0.95, 1.05].</summary>
    Stable,

    /// <summary>No significant change, but a change of 5 % a year or more cannot be ruled out: the interval
    /// holds 1 and reaches below 0.95 or above 1.05. Usually too little data, not a stable population.</summary>
    Uncertain,

    /// <summary>Significant decline, not significantly more than 5 % a year: 0.95 &lt;= upper limit &lt; 1.</summary>
    ModerateDecline,

    /// <summary>Decline significantly more than 5 % a year: upper limit &lt; 0.95.</summary>
    SteepDecline,
}
