namespace Neaspec.Survey.Storage.Model;

/// <summary>A row of <c>population_estimates</c>: the published size of one flyway (biogeographic) population of a
/// species and its 1 % threshold (Ramsar criterion 6), with the source that can be cited. Seeded with figures from
/// <see cref="PopulationEstimateCatalogue.Seed"/>; admins edit them (<c>neaspec thresholds</c>, the portal).</summary>
public sealed class PopulationEstimate
{
    public int Id { get; set; }

    /// <summary>Scientific name (the catalogue's key).</summary>
    public required string Species { get; set; }

    /// <summary>The population's name as the source gives it, e.g. "East Asia" or "eastern (Korea, Japan)".</summary>
    public required string Population { get; set; }

    /// <summary>Individuals; for a range, the figure the 1 % threshold was taken from (see <see cref="Note"/>).</summary>
    public int Estimate { get; set; }

    /// <summary>The 1 % threshold in individuals, as published (or 1 % of the estimate rounded when the source gives none).</summary>
    public int OnePercentThreshold { get; set; }

    /// <summary>The citation: authors or body, year, title, publisher.</summary>
    public required string Source { get; set; }

    /// <summary>The year of the estimate (of the census, or of the source when it dates the estimate no better).</summary>
    public int Year { get; set; }

    /// <summary>How the figure was read from the source (a range, a census total).</summary>
    public string? Note { get; set; }

    /// <summary>When the row was last written.</summary>
    public DateTime UpdatedAt { get; set; }

    /// <summary>Who last wrote it ("seed" for the catalogue's figures).</summary>
    public string? UpdatedBy { get; set; }
}
