namespace Neaspec.Survey.Connectivity;

/// <summary>Thresholds of <see cref="StayDetector"/>; docs/connectivity.md says why each default is what it is.</summary>
public sealed record StayOptions
{
    /// <summary>An hour's position belongs to the stay when it lies within this distance of the stay's centre
    /// (default 10 km).</summary>
    public double RadiusKm { get; init; } = 10;

    /// <summary>A stay lasts at least this long from its first to its last fix (default 24 h).</summary>
    public TimeSpan MinimumDuration { get; init; } = TimeSpan.FromHours(24);

    /// <summary>
    /// An absence outside the radius that ends back inside within this time (last fix inside to next fix inside)
    /// does not end the stay (default 24 h = the minimum duration: an absence too short to be a stay elsewhere is an
    /// excursion from this one, so every daily roost-feeding commute is absorbed whatever its distance).
    /// </summary>
    public TimeSpan MaxExcursion { get; init; } = TimeSpan.FromHours(24);

    /// <summary>A stay never spans two consecutive fixes further apart than this (default 24 h: a gap shorter than the
    /// minimum duration cannot hide a whole stay elsewhere).</summary>
    public TimeSpan MaxGap { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Fixes are averaged into steps of this length before clustering (default 1 h), so that the result
    /// does not depend on the fix rate and the search stays linear.</summary>
    public TimeSpan TimeStep { get; init; } = TimeSpan.FromHours(1);

    internal void Check()
    {
        if (!(RadiusKm > 0) || double.IsInfinity(RadiusKm))
        {
            throw new ArgumentOutOfRangeException(nameof(RadiusKm), RadiusKm, "The stay radius must be a positive number of km.");
        }
        if (TimeStep <= TimeSpan.Zero || MinimumDuration < TimeSpan.Zero || MaxExcursion < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(TimeStep), "The time step must be > 0; durations must be >= 0.");
        }
        if (MaxGap < TimeStep)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxGap), MaxGap, $"The maximum gap must be at least the time step ({TimeStep}).");
        }
    }
}
