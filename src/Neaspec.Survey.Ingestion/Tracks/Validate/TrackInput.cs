using System.Diagnostics;
using System.Runtime.CompilerServices;
using Neaspec.Survey.Ingestion.Import;
using Neaspec.Survey.Ingestion.Tracks.Read;

namespace Neaspec.Survey.Ingestion.Tracks.Validate;

/// <summary>A tracks file as the load reads it: reader and validator over it, the reference data's animals
/// and tags registered, and the first row read (its study is the one the load locks). Can start over, for a
/// route that gives up and hands the file to another.</summary>
public sealed class TrackInput : IDisposable
{
    private readonly Func<LimitedInput> open;
    private readonly ImportLimits limits;
    private readonly DateWindow dates;
    private readonly DeploymentReference? reference;
    private TrackFileReader reader;
    private TrackRowValidator validator;
    private bool onRow;

    private TrackInput(ClaimedFile claimed, string defaultStudy, DeploymentReference? reference)
    {
        open = () => claimed.OpenText(gunzip: true);
        limits = claimed.Limits;
        dates = claimed.Dates;
        this.reference = reference;
        (reader, validator) = OpenReader(defaultStudy);
    }

    /// <summary>Opens <paramref name="claimed"/>'s file within its limits and dates; rows that name no study
    /// belong to <paramref name="defaultStudy"/>.</summary>
    public static TrackInput Open(ClaimedFile claimed, string defaultStudy, DeploymentReference? reference)
    {
        ArgumentNullException.ThrowIfNull(claimed);
        return new(claimed, defaultStudy, reference);
    }

    public MovebankHeader Header => reader.Header;

    /// <summary>Why the header cannot be loaded, or null.</summary>
    public string? HeaderProblem => reader.HeaderProblem;

    /// <summary>The header names tags only, and no deployments came with the file.</summary>
    public bool HeaderNeedsDeployments => reader.HeaderNeedsDeployments;

    public TrackKeys Keys => validator.Keys;

    /// <summary>Whether the file has a data row (known after <see cref="Start"/>).</summary>
    public bool HasRows => onRow;

    public long RowsRead => reader.RowsRead;

    /// <summary>Reads the first row and registers the reference data's animals and tags; returns the study
    /// the load is for (the first row's, else the default study).</summary>
    public string Start()
    {
        onRow = reader.Next();
        var study = onRow ? validator.CurrentStudy() : validator.DefaultStudy;
        if (reference is not null)
        {
            // Animals and tags of the reference data are registered even when this file has no fix of them.
            foreach (var d in reference.Rows)
            {
                Keys.Individual(study, d.Animal, d.Taxon);
                Keys.Tag(study, d.Tag);
            }
        }
        return study;
    }

    /// <summary>Opens the file again from its first row, with fresh keys.</summary>
    public string Restart()
    {
        var defaultStudy = validator.DefaultStudy;
        Dispose();
        (reader, validator) = OpenReader(defaultStudy);
        return Start();
    }

    private (TrackFileReader, TrackRowValidator) OpenReader(string defaultStudy)
    {
        var opened = TrackFileReader.Open(open(), limits, reference is not null);
        return (opened, new TrackRowValidator(opened, defaultStudy, reference is null ? null : reference.Find, dates));
    }

    /// <summary>Reads every row (the first one included), counts what is not a fix and hands each fix to
    /// <paramref name="write"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public TrackRowCounts ReadAll(FixWriter write, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(write);
        var counts = new TrackRowCounts();
        var row = new TrackRow();
        var lastReport = Stopwatch.StartNew();
        while (onRow || reader.Next())
        {
            onRow = false;
            switch (validator.Validate(ref row, counts.Errors))
            {
                case TrackRowKind.NoFix:
                    counts.NoFix++;
                    break;
                case TrackRowKind.NoIndividual:
                    counts.NoIndividual++;
                    break;
                case TrackRowKind.NonLocation:
                    counts.NonLocation++;
                    break;
                case TrackRowKind.Error:
                    break;
                default:
                    counts.Fixes++;
                    write(ref row);
                    break;
            }
            if ((reader.RowsRead & 0x3FFF) == 0)
            {
                ct.ThrowIfCancellationRequested();
                if (progress is not null && lastReport.ElapsedMilliseconds > 200)
                {
                    progress.Report(new ImportProgress(reader.RowsRead, reader.BytesRead, reader.BytesTotal, "reading"));
                    lastReport.Restart();
                }
            }
        }
        progress?.Report(new ImportProgress(reader.RowsRead, reader.BytesTotal, reader.BytesTotal, "merging"));
        return counts;
    }

    public void Dispose()
    {
        validator.Dispose();
        reader.Dispose();
    }
}
