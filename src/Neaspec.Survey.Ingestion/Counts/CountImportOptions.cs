namespace Neaspec.Survey.Ingestion.Counts;

/// <summary>How a count file is loaded.</summary>
public sealed record CountImportOptions
{
    /// <summary>Load the good rows of a file that has bad ones (status partial); default: all or nothing.</summary>
    public bool AcceptPartial { get; init; }

    /// <summary>An unknown site code whose point lies within this distance of a known site is reported
    /// as a likely duplicate instead of creating a provisional site.</summary>
    public double DuplicateSiteDistanceMeters { get; init; } = 2_000;

    /// <summary>Errors kept in full (ledger, report); more are counted only.</summary>
    public int MaxErrorsKept { get; init; } = 10_000;
}
