namespace Neaspec.Survey.Trends.Thresholds;

/// <summary>One season at one site against a population's thresholds.</summary>
/// <param name="Year">The season's year.</param>
/// <param name="Count">The season's peak count; null = no adequate data (neither flag can be set).</param>
/// <param name="OnePercent">Count &gt;= the 1 % threshold (Ramsar criterion 6).</param>
/// <param name="QuarterPercent">Count &gt;= 0.25 % of the estimate (EAAF Partnership, staging sites); false when the
/// window is not a staging season.</param>
public sealed record SeasonFlag(int Year, int? Count, bool OnePercent, bool QuarterPercent);
