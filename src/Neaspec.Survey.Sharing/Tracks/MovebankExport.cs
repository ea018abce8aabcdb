using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Neaspec.Survey.Files;
using Neaspec.Survey.Storage;

namespace Neaspec.Survey.Sharing.Tracks;

/// <summary>
/// The stored tracks as a Movebank CSV, in the columns the track importer reads (docs/tracks.md), so another
/// instance of this project, Movebank's upload or move2 load the same fixes: <c>event-id</c>, <c>visible</c>,
/// <c>timestamp</c> (UTC, milliseconds), <c>location-long</c>, <c>location-lat</c>, <c>gps:hdop</c>,
/// <c>gps:satellite-count</c>, <c>manually-marked-outlier</c>, <c>individual-taxon-canonical-name</c> (as the
/// file wrote it), <c>tag-local-identifier</c>, <c>individual-local-identifier</c>, <c>study-name</c>, then every
/// attribute column the source files had (kept per fix in <c>fixes.attributes</c>), under its name as written.
/// </summary>
/// <remarks>
/// Coordinates are written as the shortest text that reads back to the same double, so a re-import stores the
/// very points. The speed filter's flag is not a Movebank column: a re-import computes it again. The file is
/// for exchanging the data between partners, not for publication: locations are exact (sensitive ones too),
/// and there is no generalisation (the Darwin Core export is the one to publish). With <c>--hourly</c> only the
/// first fix without a flag of each UTC hour of each individual is written. Written with
/// <see cref="CsvOutput.ForInterchange"/> (no spreadsheet formula escaping: a Movebank reader would load the
/// escape with the value, and negative heights and temperatures start with '-'); <c>.gz</c> names are gzipped.
/// </remarks>
public sealed class MovebankExport(SurveyDatabase database)
{
    /// <summary>The columns every export starts with, as Movebank names them.</summary>
    public static IReadOnlyList<string> CoreColumns { get; } =
    [
        "event-id", "visible", "timestamp", "location-long", "location-lat", "gps:hdop", "gps:satellite-count", "manually-marked-outlier",
        "individual-taxon-canonical-name", "tag-local-identifier", "individual-local-identifier", "study-name",
    ];

    /// <summary>Writes the file to <paramref name="path"/>, all or nothing; gzip when the name ends in .gz.
    /// Returns the number of fixes written.</summary>
    public Task<long> WriteAsync(TrackSelection selection, string path, CancellationToken cancellationToken = default) =>
        AtomicFile.WriteAsync(path, async (stream, ct) =>
        {
            if (!path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
            {
                return await WriteAsync(selection, stream, ct);
            }
            await using var gzip = new GZipStream(stream, CompressionLevel.Optimal, leaveOpen: true);
            return await WriteAsync(selection, gzip, ct);
        }, cancellationToken);

    /// <summary>Writes the CSV to <paramref name="destination"/>, which stays open.</summary>
    public async Task<long> WriteAsync(TrackSelection selection, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(selection);
        ArgumentNullException.ThrowIfNull(database);
        await using var source = await TrackSource.OpenAsync(database.DataSource, cancellationToken);
        var individuals = await source.IndividualsAsync(selection, cancellationToken);
        var everyone = selection.Filter.Species.Count == 0 && selection.Studies.Count == 0;
        var attributes = await source.AttributeColumnsAsync(individuals, everyone, cancellationToken);
        var attributeIndex = attributes.Select((name, i) => (name, i)).ToDictionary(x => x.name, x => x.i, StringComparer.Ordinal);
        var values = new string?[attributes.Count];
        long fixes = 0;
        await using (var csv = CsvOutput.ForInterchange(destination))
        {
            csv.WriteHeader([.. CoreColumns, .. attributes]);
            foreach (var individual in individuals)
            {
                await foreach (var (fix, _) in source.FixesAsync(individual, selection, cancellationToken))
                {
                    csv.WriteField(fix.EventId, default);
                    csv.WriteField(fix.Visible ? "true" : "false");
                    csv.WriteField(fix.ObservedAt.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture));
                    csv.WriteField(fix.Longitude, default);
                    csv.WriteField(fix.Latitude, default);
                    csv.WriteField(fix.Hdop, default);
                    csv.WriteField(fix.SatelliteCount, default);
                    csv.WriteField(fix.MarkedOutlier ? "true" : null);
                    csv.WriteField(individual.Taxon ?? individual.Species);
                    csv.WriteField(fix.Tag);
                    csv.WriteField(individual.LocalIdentifier);
                    csv.WriteField(individual.Study);
                    Array.Clear(values);
                    if (fix.Attributes is not null)
                    {
                        ReadAttributes(fix.Attributes, attributeIndex, values);
                    }
                    foreach (var value in values)
                    {
                        csv.WriteField(value);
                    }
                    csv.EndRecord();
                    if (++fixes % 10_000 == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                    }
                }
            }
        }
        await source.CommitAsync(cancellationToken);
        return fixes;
    }

    /// <summary>The values of <c>fixes.attributes</c> (a JSON object of strings, by column name) into their columns.</summary>
    internal static void ReadAttributes(string json, Dictionary<string, int> columns, string?[] values)
    {
        using var document = JsonDocument.Parse(json);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            if (columns.TryGetValue(property.Name, out var i))
            {
                values[i] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString() : property.Value.GetRawText();
            }
        }
    }
}
