namespace Neaspec.Survey.Connectivity;

/// <summary>One individual's move from a stay at one site to its next stay, at another site.</summary>
/// <param name="Individual">Individual id.</param>
/// <param name="From">Site left.</param>
/// <param name="To">Site of the next stay.</param>
/// <param name="Departure">Last fix at <paramref name="From"/>; the move belongs to the season holding this instant.</param>
/// <param name="Arrival">First fix at <paramref name="To"/>.</param>
/// <param name="CrossesGap">Two consecutive fixes between departure and arrival lie further apart than the maximum
/// gap: the bird may have stopped somewhere unseen. Such moves are kept and counted, and marked.</param>
public sealed record Move(string Individual, string From, string To, DateTime Departure, DateTime Arrival, bool CrossesGap);
