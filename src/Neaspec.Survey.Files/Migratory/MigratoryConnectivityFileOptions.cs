namespace Neaspec.Survey.Files.Migratory;

/// <summary>Options of <see cref="MigratoryConnectivityFiles.Run"/>, one per command-line option of
/// <c>neaspec migratory-connectivity</c>.</summary>
public sealed record MigratoryConnectivityFileOptions
{
    /// <summary>PSI.csv: header <c>id,&lt;target ids&gt;</c>, one row per origin, rows summing to 1. Give this or
    /// <see cref="IndividualsPath"/>.</summary>
    public string? PsiPath { get; init; }

    /// <summary>Individuals file <c>id,origin,target[,origin_lon,origin_lat,target_lon,target_lat]</c>: psi is
    /// estimated from it, the sample size is its number of birds, the bootstrap resamples it, and rM needs its
    /// points.</summary>
    public string? IndividualsPath { get; init; }

    /// <summary>OD.csv: square symmetric matrix <c>id,&lt;origin ids&gt;</c>; or <see cref="OriginsPath"/>.</summary>
    public string? OriginDistancesPath { get; init; }

    /// <summary>TD.csv: square symmetric matrix <c>id,&lt;target ids&gt;</c>; or <see cref="TargetsPath"/>.</summary>
    public string? TargetDistancesPath { get; init; }

    /// <summary>Origin regions <c>id,lon,lat</c>: great-circle distances instead of OD.csv.</summary>
    public string? OriginsPath { get; init; }

    /// <summary>Target regions <c>id,lon,lat</c>: great-circle distances instead of TD.csv.</summary>
    public string? TargetsPath { get; init; }

    /// <summary>AB.csv: <c>id,abundance</c> per origin (relative or absolute; normalised).</summary>
    public required string OriginAbundancePath { get; init; }

    /// <summary>N for the small-sample MC with a psi file; null gives MC(R). Refused with individuals (N is their
    /// number then).</summary>
    public double? SampleSize { get; init; }

    /// <summary>B bootstrap replicates over the individuals; null for none.</summary>
    public int? Bootstrap { get; init; }

    /// <summary>Seed of the bootstrap; null draws one (written to the summary).</summary>
    public long? Seed { get; init; }

    /// <summary>Threads of the bootstrap (default all cores; never changes the results).</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Output folder for summary.json and psi.csv; created when missing.</summary>
    public required string OutDirectory { get; init; }
}
