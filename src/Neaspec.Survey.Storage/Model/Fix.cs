using NetTopologySuite.Geometries;

namespace Neaspec.Survey.Storage.Model;

/// <summary>One GPS location event. Never deleted for quality: flags say what an analyst may want to
/// leave out (<see cref="Visible"/> false, <see cref="MarkedOutlier"/>, <see cref="SpeedOutlier"/>).
/// The table is partitioned by month of <see cref="ObservedAt"/> (UTC), so its key is (<see cref="Id"/>,
/// <see cref="ObservedAt"/>); <see cref="Id"/> alone is unique too (one sequence for every month).</summary>
public sealed class Fix
{
    public long Id { get; set; }
    public int StudyId { get; set; }
    public int IndividualId { get; set; }
    public int? TagId { get; set; }
    /// <summary>Movebank's event-id, when the file has one: the dedup key with the study.</summary>
    public long? EventId { get; set; }
    /// <summary>UTC, millisecond precision.</summary>
    public DateTime ObservedAt { get; set; }
    /// <summary>SRID 4326, X = longitude, Y = latitude.</summary>
    public required Point Location { get; set; }
    public bool Visible { get; set; } = true;
    /// <summary>Movebank's manually-marked-outlier.</summary>
    public bool MarkedOutlier { get; set; }
    /// <summary>Set by the speed filter: implausible speed both from the fix before and to the fix after.</summary>
    public bool SpeedOutlier { get; set; }
    public float? Hdop { get; set; }
    public short? SatelliteCount { get; set; }
    /// <summary>Movebank's ground-speed, m/s.</summary>
    public float? GroundSpeed { get; set; }
    /// <summary>Movebank's heading, degrees clockwise from north.</summary>
    public float? Heading { get; set; }
    /// <summary>Movebank's height-above-ellipsoid, m.</summary>
    public float? HeightAboveEllipsoid { get; set; }
    /// <summary>Movebank's external-temperature, °C.</summary>
    public float? ExternalTemperature { get; set; }
    /// <summary>The values of the file's other columns for this fix (non-empty ones), by header name; a value of
    /// a typed column above that is no number is kept here too.</summary>
    public string? Attributes { get; set; }
    public long ImportId { get; set; }
    public int SourceLine { get; set; }
}
