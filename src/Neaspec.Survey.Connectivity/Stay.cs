namespace Neaspec.Survey.Connectivity;

/// <summary>
/// A period one individual spent at one place (a stopover when it is on the way), as
/// <see cref="StayDetector"/> finds it.
/// </summary>
/// <param name="Individual">Individual id.</param>
/// <param name="Arrival">Time of the first fix of the stay.</param>
/// <param name="Departure">Time of the last fix of the stay: when the bird was last seen there before it left.</param>
/// <param name="Longitude">Longitude of the centre (spherical centroid of the hourly positions at the place).</param>
/// <param name="Latitude">Latitude of the centre.</param>
/// <param name="Fixes">Every fix from arrival to departure, excursions included (site assignment counts them).</param>
/// <param name="Excursions">Absences outside the stay radius the bird came back from (feeding commutes, single-fix
/// excursions).</param>
/// <param name="AfterGap">True when, between the individual's previous stay and this one, two consecutive fixes lie
/// further apart than <see cref="StayOptions.MaxGap"/>: the move into this stay crossed a gap in the data.</param>
public sealed record Stay(string Individual, DateTime Arrival, DateTime Departure, double Longitude, double Latitude,
    IReadOnlyList<TrackFix> Fixes, int Excursions, bool AfterGap)
{
    /// <summary>Departure - arrival.</summary>
    public TimeSpan Duration => Departure - Arrival;
}
