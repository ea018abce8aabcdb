using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using NetTopologySuite.Geometries;
using Neaspec.Survey.Connectivity;
using Neaspec.Survey.Files;
using Neaspec.Survey.Sharing.Archive;
using Neaspec.Survey.Sharing.Sensitive;
using Neaspec.Survey.Storage;
using static Neaspec.Survey.Sharing.Archive.DwcTerms;

namespace Neaspec.Survey.Sharing.Tracks;

/// <summary>
/// The tracks as Darwin Core occurrences for GBIF, as the movepub package maps Movebank data (Desmet et al.,
/// inbo/movepub <c>write_dwc</c>): one <c>MachineObservation</c> per individual per UTC hour, the first fix of the
/// hour without a quality flag, <c>dataGeneralizations</c> saying "subsampled by hour: first of N fixes" — GBIF
/// wants where an animal was, not every fix of a tag that logs every few minutes. An occurrence-core archive:
/// <c>occurrence.txt</c>, <c>meta.xml</c>, <c>eml.xml</c>. Locations are generalised as the counts archive's
/// (<see cref="Generalisation"/>): every fix of a species marked sensitive, fixes inside a sensitive site's area or
/// within <c>Sharing:SensitiveGridKm</c> of its point, and with <c>--generalise-km</c> every fix.
/// </summary>
public sealed class TrackArchive(SurveyDatabase database, SharingOptions options, TimeProvider? time = null)
    : ArchiveWriter<TrackSelection>(database, options, time)
{
    public static ArchiveTable OccurrenceTable { get; } = new("occurrence.txt", OccurrenceRowType,
    [
        OccurrenceId, BasisOfRecord, OccurrenceStatus, OrganismId, EventDate, SamplingProtocol, ScientificName, TaxonRank, Kingdom,
        VernacularName, DecimalLatitude, DecimalLongitude, GeodeticDatum, CoordinateUncertaintyInMeters, DataGeneralizations,
        InformationWithheld,
    ]);

    /// <summary>The Movebank attribute of a fix's horizontal error in metres, when the source file had it.</summary>
    private const string LocationError = "location-error-numerical";

    /// <summary>Writes the archive (a zip) to <paramref name="destination"/>, which stays open. The selection is
    /// subsampled by hour whatever its <see cref="TrackSelection.Hourly"/> says.</summary>
    public override async Task<ArchiveResult> WriteAsync(TrackSelection selection, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(selection);
        selection = selection with { Hourly = true };
        await using var source = await TrackSource.OpenAsync(Database.DataSource, cancellationToken);
        var individuals = await source.IndividualsAsync(selection, cancellationToken);
        var sensitivePlaces = await SensitiveSites.LoadPlacesAsync(source.Connection, cancellationToken);
        var generalisation = new Generalisation(Options.SensitiveGridKm, selection.Filter.GeneraliseKm);
        var tally = new Tally();
        await using (var zip = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true))
        {
            await ArchiveEntries.WriteTableAsync(zip, OccurrenceTable, async text =>
            {
                foreach (var individual in individuals)
                {
                    await WriteTrackAsync(text, source, selection, individual, sensitivePlaces, generalisation, tally, cancellationToken);
                }
                return tally.Rows;
            });
            var result = tally.Result;
            await ArchiveEntries.WriteDescriptorsAsync(zip, OccurrenceTable, [], Metadata(selection, result, individuals, tally.FixesSeen));
        }
        await source.CommitAsync(cancellationToken);
        return tally.Result;
    }

    /// <summary>What the archive holds so far.</summary>
    private sealed class Tally
    {
        public Coverage Coverage { get; } = new();
        public long Rows { get; set; }
        public long Generalised { get; set; }
        /// <summary>Good fixes behind the rows written (the N of "first of N").</summary>
        public long FixesSeen { get; set; }
        public ArchiveResult Result => new(Rows, 0, Rows, 0, Generalised, Coverage);
    }

    /// <summary>One individual's hourly occurrences, each generalised when its species is sensitive or it lies at a
    /// sensitive site (or everything is generalised).</summary>
    private async Task WriteTrackAsync(ArchiveTextWriter text, TrackSource source, TrackSelection selection, TrackIndividual individual,
        List<(Point Point, Geometry? Area)> sensitivePlaces, Generalisation generalisation, Tally tally, CancellationToken cancellationToken)
    {
        var any = false;
        var near = $"within {Options.SensitiveGridKm.ToString("0.###", CultureInfo.InvariantCulture)} km of a sensitive site";
        await foreach (var (fix, inHour) in source.FixesAsync(individual, selection, cancellationToken))
        {
            var reason = individual.SpeciesSensitive ? "species marked sensitive" : NearSensitiveSite(fix, sensitivePlaces) ? near : null;
            var place = generalisation.Publish(null, null, fix.Latitude, fix.Longitude, ErrorMeters(fix), reason);
            WriteRow(text, individual, fix, inHour, place);
            tally.Coverage.AddPoint(place.Latitude, place.Longitude);
            tally.Coverage.AddDate(DateOnly.FromDateTime(fix.ObservedAt));
            if (individual.ScientificName is { } name)
            {
                tally.Coverage.AddTaxon(name, individual.EnglishName);
            }
            tally.Generalised += place.IsGeneralised ? 1 : 0;
            tally.FixesSeen += inHour;
            any = true;
            if (++tally.Rows % ArchiveEntries.ReportEvery == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }
        if (any)
        {
            tally.Coverage.Places++;
        }
    }

    private void WriteRow(ArchiveTextWriter text, TrackIndividual individual, TrackFix fix, int inHour, PublishedPlace place)
    {
        text.Write(StableId.Create(Options.IdSpace, NaturalKeys.Fix(individual.Study, individual.LocalIdentifier, fix.ObservedAt, fix.EventId)));
        text.Write("MachineObservation");
        text.Write("present");
        text.Write(individual.LocalIdentifier);
        text.Write(fix.ObservedAt.ToString(fix.ObservedAt.Millisecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd'T'HH:mm:ss.fff'Z'",
            CultureInfo.InvariantCulture));
        text.Write("gps");
        text.Write(individual.ScientificName);
        text.Write(individual.ScientificName is { } name ? RankOf(name) : null);
        text.Write("Animalia");
        text.Write(individual.EnglishName);
        text.Write<double>(place.Latitude);
        text.Write<double>(place.Longitude);
        text.Write(Wgs84);
        text.Write(place.UncertaintyMeters);
        var subsample = string.Create(CultureInfo.InvariantCulture, $"subsampled by hour: first of {inHour} fix{(inHour == 1 ? "" : "es")}");
        text.Write(place.DataGeneralizations is { } g ? subsample + "; " + g : subsample);
        text.Write(place.InformationWithheld);
        text.EndRecord();
    }

    /// <summary>Inside a sensitive site's area, or within the sensitive grid size of its point.</summary>
    private bool NearSensitiveSite(TrackFix fix, List<(Point Point, Geometry? Area)> places)
    {
        foreach (var (point, area) in places)
        {
            if (GreatCircle.DistanceKm(fix.Longitude, fix.Latitude, point.X, point.Y) <= Options.SensitiveGridKm
                || (area is not null && area.Covers(new Point(fix.Longitude, fix.Latitude))))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The fix's horizontal error when its source file had Movebank's location-error-numerical.</summary>
    private static double? ErrorMeters(TrackFix fix)
    {
        if (fix.Attributes is null || !fix.Attributes.Contains(LocationError, StringComparison.Ordinal))
        {
            return null;
        }
        using var document = JsonDocument.Parse(fix.Attributes);
        return document.RootElement.TryGetProperty(LocationError, out var value) && value.ValueKind == JsonValueKind.String
            && double.TryParse(value.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var meters) && meters >= 0
            ? Math.Ceiling(meters)
            : null;
    }

    private EmlDataset Metadata(TrackSelection selection, ArchiveResult result, List<TrackIndividual> individuals, long fixesSeen)
    {
        var now = Time.GetUtcNow();
        var title = selection.Filter.Title ?? Options.Title + ": GPS tracks";
        var c = result.Coverage;
        var studies = individuals.Select(i => i.Study).Distinct(StringComparer.Ordinal).ToList();
        var span = c.First is { } first && c.Last is { } last ? $", {first:yyyy-MM-dd} to {last:yyyy-MM-dd}" : "";
        var generated = string.Create(CultureInfo.InvariantCulture,
            $"""
            GPS tracks of {c.Places:N0} individuals of {c.Taxa.Count} taxa from {studies.Count} Movebank-format studies
            ({string.Join("; ", studies)}){span}: {result.CoreRows:N0} occurrences, the first fix without a quality flag of each UTC hour of each
            individual, out of {fixesSeen:N0} such fixes.
            """).ReplaceLineEndings(" ");
        List<string> methods =
        [
            "Positions from GPS tags (Movebank data model). Fixes flagged invisible, marked as outliers, or reached and left faster than the speed filter's limit are left out; of the rest, the first of each hour per individual is kept (movepub's subsampling for GBIF). The full tracks are kept by the publisher in Movebank format.",
            result.Generalised > 0
                ? string.Create(CultureInfo.InvariantCulture, $"{result.Generalised:N0} occurrences (of sensitive species, at sensitive sites, or generalised on export) have the centre of a grid cell as coordinates; their uncertainty covers the cell (see dataGeneralizations).")
                : "No location in this archive is generalised.",
        ];
        return EmlDataset.Describe(Options, "tracks", "Occurrence", title, generated, c, methods,
            ["GPS tracking", "biologging", "flyway", "North-East Asia"], now);
    }
}
