using Neaspec.Survey.Ingestion.Ledger;

namespace Neaspec.Survey.Ingestion.Tracks.Validate;

/// <summary>What the rows of a tracks file were: fixes, rows without a fix, non-location rows, fixes of
/// undeployed tags, and the bad rows' errors.</summary>
public sealed class TrackRowCounts
{
    public long Fixes { get; set; }

    /// <summary>A location sensor's rows without coordinates.</summary>
    public long NoFix { get; set; }

    public long NonLocation { get; set; }

    /// <summary>Fixes of a tag that no animal wore at the time: not stored.</summary>
    public long NoIndividual { get; set; }

    public ErrorList Errors { get; } = new();
}
