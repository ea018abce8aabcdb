using NetTopologySuite.Geometries;

namespace Neaspec.Survey.Storage.Model;

/// <summary>A Movebank study: the namespace of its tags, individuals and event ids.</summary>
public sealed class Study
{
    public int Id { get; set; }
    public required string Name { get; set; }
}

/// <summary>An animal of a study, identified by its Movebank individual-local-identifier. An animal that
/// was re-tagged keeps this one identity; its tags are linked through <see cref="Deployment"/>s.</summary>
public sealed class Individual
{
    public int Id { get; set; }
    public int StudyId { get; set; }
    public required string LocalIdentifier { get; set; }
    /// <summary>The taxon as the file names it (any taxon is accepted).</summary>
    public string? Taxon { get; set; }
    /// <summary>The catalogue species the taxon resolves to (directly or by synonym); null when the taxon
    /// is not in the catalogue.</summary>
    public string? SpeciesName { get; set; }
}

/// <summary>A tag (collar, logger) of a study, by its Movebank tag-local-identifier.</summary>
public sealed class Tag
{
    public int Id { get; set; }
    public int StudyId { get; set; }
    public required string LocalIdentifier { get; set; }
}

/// <summary>A tag worn by an individual from <see cref="DeployOn"/> until <see cref="DeployOff"/> (open
/// when null). From Movebank reference data.</summary>
public sealed class Deployment
{
    public long Id { get; set; }
    public int TagId { get; set; }
    public int IndividualId { get; set; }
    public DateTime? DeployOn { get; set; }
    public DateTime? DeployOff { get; set; }
    public long ImportId { get; set; }
}

/// <summary>One GPS location event. Never deleted for quality: flags say what an analyst may want to
/// leave out (<see cref="Visible"/> false, <see cref="MarkedOutlier"/>, <see cref="SpeedOutlier"/>).</summary>
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
    /// <summary>The values of the file's other columns for this fix (non-empty ones), by header name.</summary>
    public string? Attributes { get; set; }
    public long ImportId { get; set; }
    public int SourceLine { get; set; }
}

/// <summary>What a tracks file looked like: its header as written, and which columns were kept only in
/// <see cref="Fix.Attributes"/>.</summary>
public sealed class TrackSource
{
    public long ImportId { get; set; }
    public List<string> Header { get; set; } = [];
    public List<string> AttributeColumns { get; set; } = [];
    public long RowsWithoutLocation { get; set; }
    public long NonLocationRows { get; set; }
    public long SpeedFlagged { get; set; }
}
