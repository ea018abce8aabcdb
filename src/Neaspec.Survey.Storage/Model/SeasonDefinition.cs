namespace Neaspec.Survey.Storage.Model;

/// <summary>A row of the <c>seasons</c> table: a yearly window of dates, for one species or (species null) for
/// every species without windows of its own. Seeded from <c>Neaspec.Survey.Connectivity.Season.Defaults</c>; the
/// <c>track_seasons</c> view and the report read it.</summary>
public sealed class SeasonDefinition
{
    public int Id { get; set; }

    /// <summary>Scientific name, or null for the default windows.</summary>
    public string? Species { get; set; }

    public required string Name { get; set; }

    /// <summary>First day, MM-DD.</summary>
    public required string Start { get; set; }

    /// <summary>Last day, MM-DD, included; 02-29 means the end of February.</summary>
    public required string End { get; set; }

    /// <summary>IANA time zone the dates are read in.</summary>
    public required string TimeZone { get; set; }
}
