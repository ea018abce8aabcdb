namespace Neaspec.Survey.Ingestion.Tracks;

/// <summary>How a tracks file is imported.</summary>
public sealed record TrackImportOptions
{
    /// <summary>Default speed limit of the speed filter, km/h: well above the fastest sustained ground
    /// speeds of migrating cranes and spoonbills with a tailwind (about 100 km/h), well below the
    /// apparent speeds of GPS glitches (hundreds of km between hourly fixes).</summary>
    public const double DefaultSpeedLimitKmh = 150;

    public double SpeedLimitKmh { get; init; } = DefaultSpeedLimitKmh;

    /// <summary>Store the good rows of a file that has bad ones (ledger status partial); otherwise one bad
    /// row rejects the file and nothing is stored.</summary>
    public bool AcceptPartial { get; init; }

    /// <summary>Movebank reference data (deployments) to link tags to animals.</summary>
    public string? ReferencePath { get; init; }

    /// <summary>The study of rows that name none; default: the file's name without extensions.</summary>
    public string? Study { get; init; }
}
