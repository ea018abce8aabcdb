namespace Neaspec.Survey.Connectivity;

/// <summary>A link with its direct probability p_ij of movement between two sites.</summary>
/// <param name="From">Id of the site the movement starts from.</param>
/// <param name="To">Id of the site the movement ends at.</param>
/// <param name="Probability">p_ij in (0, 1].</param>
public sealed record SiteLink(string From, string To, double Probability);
