namespace Neaspec.Survey.Connectivity;

/// <summary>A directed telemetry link i -> j within one season, counted per individual.</summary>
/// <param name="From">Site code i.</param>
/// <param name="To">Site code j.</param>
/// <param name="Individuals">Individuals whose next stay after i was j, in the season (each bird once).</param>
/// <param name="Present">Individuals present at i in the season with a known next state (movers and stayers).</param>
/// <param name="AcrossGap">Of <paramref name="Individuals"/>, those whose move i -> j crossed a gap in the data.</param>
public sealed record TelemetryLink(string From, string To, int Individuals, int Present, int AcrossGap)
{
    /// <summary>Links seen in fewer individuals than this are flagged: one or two birds are an anecdote.</summary>
    public const int FewIndividualsBelow = 3;

    /// <summary>p_ij = individuals(i -> j) / individuals present at i with a known next state.</summary>
    public double Probability => (double)Individuals / Present;

    /// <summary>True when fewer than <see cref="FewIndividualsBelow"/> individuals made the move.</summary>
    public bool FewIndividuals => Individuals < FewIndividualsBelow;
}
