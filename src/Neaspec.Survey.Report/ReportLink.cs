namespace Neaspec.Survey.Report;

/// <summary>A link as the report draws and writes it.</summary>
/// <param name="From">Site code i.</param>
/// <param name="To">Site code j.</param>
/// <param name="LengthKm">Great-circle distance in km.</param>
/// <param name="Probability">p_ij.</param>
/// <param name="Flux">a_i a_j p_ij, the link's share of the connectivity before normalising.</param>
/// <param name="Individuals">Distinct tracked individuals that made the move (telemetry links only).</param>
/// <param name="FewIndividuals">True for a telemetry link seen in fewer than
/// <see cref="Connectivity.TelemetryLink.FewIndividualsBelow"/> individuals; null for distance decay.</param>
/// <param name="AcrossGap">Individuals whose move crossed a gap in the data (telemetry links only).</param>
/// <param name="Present">Individuals present at i in the season with a known next state, the denominator of p_ij
/// (telemetry links only).</param>
public sealed record ReportLink(string From, string To, double LengthKm, double Probability, double Flux, int? Individuals,
    bool? FewIndividuals = null, int? AcrossGap = null, int? Present = null);
