using Neaspec.Survey.Files;
using Neaspec.Survey.Storage;

namespace Neaspec.Survey.Sharing.Archive;

/// <summary>
/// What every Darwin Core Archive export shares (<see cref="Counts.CountArchive"/>, <see cref="Tracks.TrackArchive"/>):
/// the database it reads, the sharing options validated once at construction, the clock of the metadata's dates, and
/// writing to a path all or nothing (<see cref="AtomicFile"/>). Each archive writes its own tables to a stream.
/// </summary>
/// <typeparam name="TSelection">What the caller chose to export.</typeparam>
public abstract class ArchiveWriter<TSelection>
{
    /// <summary>Checks <paramref name="options"/> (<see cref="SharingOptions.Validate"/>) before anything is written.</summary>
    protected ArchiveWriter(SurveyDatabase database, SharingOptions options, TimeProvider? time)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Database = database;
        Options = options;
        Time = time ?? TimeProvider.System;
    }

    /// <summary>The database the archive reads, in one read-only snapshot per archive.</summary>
    protected SurveyDatabase Database { get; }

    /// <summary>The publisher's settings: identifiers, licence, sensitive grid, metadata.</summary>
    protected SharingOptions Options { get; }

    /// <summary>The clock of the metadata's publication date.</summary>
    protected TimeProvider Time { get; }

    /// <summary>Writes the archive to <paramref name="path"/>, all or nothing (see <see cref="AtomicFile"/>).</summary>
    public Task<ArchiveResult> WriteAsync(TSelection selection, string path, CancellationToken cancellationToken = default) =>
        AtomicFile.WriteAsync(path, (stream, ct) => WriteAsync(selection, stream, ct), cancellationToken);

    /// <summary>Writes the archive (a zip) to <paramref name="destination"/>, which stays open.</summary>
    public abstract Task<ArchiveResult> WriteAsync(TSelection selection, Stream destination, CancellationToken cancellationToken = default);
}
