namespace Neaspec.Survey.Report.Migratory;

/// <summary>A tracked bird of the MC run: its two ends, and why it was left out when it was.</summary>
/// <param name="Individual">study/local id.</param>
/// <param name="Origin">Its end in the origin season, or null (no stay there).</param>
/// <param name="Target">Its end in the target season, or null.</param>
/// <param name="Dropped">Why it is not in psi, or null when it is.</param>
public sealed record MigrantBird(string Individual, BirdEnd? Origin, BirdEnd? Target, string? Dropped)
{
    /// <summary>True when the bird is in psi.</summary>
    public bool Used => Dropped is null;
}
