using System.Data;
using System.Globalization;
using System.IO.Compression;
using Neaspec.Survey.Files;
using Neaspec.Survey.Sharing.Archive;
using Neaspec.Survey.Sharing.Sensitive;
using Neaspec.Survey.Storage;
using Npgsql;
using NpgsqlTypes;
using static Neaspec.Survey.Sharing.Archive.DwcTerms;

namespace Neaspec.Survey.Sharing.Counts;

/// <summary>
/// The count surveys as a sampling-event Darwin Core Archive, as GBIF documents it (GBIF, "Data quality
/// requirements: Sampling events"; the Darwin Core text guide): core <c>event.txt</c> (one row per survey: a site
/// visited on a date, at a time where known), extension <c>occurrence.txt</c> (one row per count: the species and
/// its number of individuals, <c>present</c>, or <c>absent</c> for a real zero), <c>meta.xml</c> and
/// <c>eml.xml</c>. A survey that did not count a species (a NULL count: fog, not surveyed) gives no occurrence
/// for it, and a survey with no count in the selection gives no event.
/// </summary>
/// <remarks>
/// Both files stream out of one read-only REPEATABLE READ transaction (the occurrences see the same data as the
/// events), each in one ordered pass over the database; memory holds the sites and the species, never the rows.
/// IDs are <see cref="StableId"/>s of <see cref="NaturalKeys"/>; locations go through <see cref="Generalisation"/>.
/// </remarks>
public sealed class CountArchive(SurveyDatabase database, SharingOptions options, TimeProvider? time = null)
    : ArchiveWriter<ExportSelection>(database, options, time)
{
    public static ArchiveTable EventTable { get; } = new("event.txt", EventRowType,
    [
        EventId, EventDate, SamplingProtocol, LocationId, Locality, CountryCode, DecimalLatitude, DecimalLongitude, GeodeticDatum,
        CoordinateUncertaintyInMeters, RecordedBy, DataGeneralizations, InformationWithheld,
    ]);

    public static ArchiveTable OccurrenceTable { get; } = new("occurrence.txt", OccurrenceRowType,
    [
        CoreId, OccurrenceId, BasisOfRecord, ScientificName, TaxonRank, Kingdom, VernacularName, IndividualCount, OrganismQuantity,
        OrganismQuantityType, OccurrenceStatus, OccurrenceRemarks,
    ]);

    private const string Filters =
        """
          and ($2::date is null or v.survey_date >= $2)
          and ($3::date is null or v.survey_date <= $3)
          and ($4::text[] is null or s.country_code = any($4))
        """;

    /// <summary>Called with a stage (<c>events</c>, <c>occurrences</c>) and the rows written so far, every
    /// <see cref="ArchiveEntries.ReportEvery"/> rows and at the end of the stage.</summary>
    public Action<string, long>? Progress { get; init; }

    /// <summary>Writes the archive (a zip) to <paramref name="destination"/>, which stays open.</summary>
    public override async Task<ArchiveResult> WriteAsync(ExportSelection selection, Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(selection);
        await using var conn = await Database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var tx = await conn.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        await using (var readOnly = new NpgsqlCommand("set transaction read only", conn))
        {
            await readOnly.ExecuteNonQueryAsync(cancellationToken);
        }
        var generalisation = new Generalisation(Options.SensitiveGridKm, selection.GeneraliseKm);
        var sites = await LoadSitesAsync(conn, generalisation, cancellationToken);
        var taxa = await LoadTaxaAsync(conn, cancellationToken);
        var run = new Run(selection, sites, taxa, Options.IdSpace, new Coverage());

        ArchiveResult result;
        await using (var zip = new ZipArchive(destination, ZipArchiveMode.Create, leaveOpen: true))
        {
            await ArchiveEntries.WriteTableAsync(zip, EventTable, text => WriteEventsAsync(conn, run, text, cancellationToken));
            await ArchiveEntries.WriteTableAsync(zip, OccurrenceTable, text => WriteOccurrencesAsync(conn, run, text, cancellationToken));
            result = new ArchiveResult(run.Events, run.Present + run.Absent, run.Present, run.Absent, run.Generalised, run.Coverage);
            await ArchiveEntries.WriteDescriptorsAsync(zip, EventTable, [OccurrenceTable], Metadata(selection, result));
        }
        await tx.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>The state of one export while it streams.</summary>
    private sealed class Run(ExportSelection selection, Dictionary<int, SitePlace> sites, Dictionary<string, string?> taxa, Guid space, Coverage coverage)
    {
        public ExportSelection Selection { get; } = selection;
        public Dictionary<int, SitePlace> Sites { get; } = sites;
        public Dictionary<string, string?> Taxa { get; } = taxa;
        public Guid Space { get; } = space;
        public Coverage Coverage { get; } = coverage;
        public HashSet<int> SitesUsed { get; } = [];
        public long Events { get; set; }
        public long Present { get; set; }
        public long Absent { get; set; }
        public long Generalised { get; set; }
    }

    private async Task<long> WriteEventsAsync(NpgsqlConnection conn, Run run, ArchiveTextWriter text, CancellationToken cancellationToken)
    {
        await using var cmd = Command(conn, run.Selection,
            $"""
            select v.site_id, v.survey_date, v.survey_time, v.method, v.observer
            from surveys v join sites s on s.id = v.site_id
            where exists (select 1 from counts c where c.survey_id = v.id and c.individuals is not null
                          and ($1::text[] is null or c.species_name = any($1)))
            {Filters}
            order by s.code, v.survey_date, v.survey_time nulls first
            """);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var siteId = reader.GetInt32(0);
            var site = run.Sites[siteId];
            var date = reader.GetFieldValue<DateOnly>(1);
            TimeOnly? at = reader.IsDBNull(2) ? null : reader.GetFieldValue<TimeOnly>(2);
            var method = reader.IsDBNull(3) ? null : reader.GetString(3);
            var place = site.Place;
            text.Write(StableId.Create(run.Space, NaturalKeys.Survey(site.Code, date, at)));
            text.Write(EventDateOf(date, at));
            text.Write(method);
            text.Write(place.LocationId);
            text.Write(place.Locality);
            text.Write(site.Country);
            text.Write<double>(place.Latitude);
            text.Write<double>(place.Longitude);
            text.Write(Wgs84);
            text.Write(place.UncertaintyMeters);
            text.Write(reader.IsDBNull(4) ? null : reader.GetString(4));
            text.Write(place.DataGeneralizations);
            text.Write(place.InformationWithheld);
            text.EndRecord();

            var coverage = run.Coverage;
            coverage.AddDate(date);
            coverage.AddProtocol(method);
            if (run.SitesUsed.Add(siteId))
            {
                coverage.AddPoint(place.Latitude, place.Longitude);
                coverage.AddCountry(site.Country);
                coverage.Places = run.SitesUsed.Count;
            }
            run.Generalised += place.IsGeneralised ? 1 : 0;
            if (++run.Events % ArchiveEntries.ReportEvery == 0)
            {
                Report("events", run.Events, cancellationToken);
            }
        }
        Report("events", run.Events, cancellationToken);
        return run.Events;
    }

    private async Task<long> WriteOccurrencesAsync(NpgsqlConnection conn, Run run, ArchiveTextWriter text, CancellationToken cancellationToken)
    {
        await using var cmd = Command(conn, run.Selection,
            $"""
            select v.site_id, v.survey_date, v.survey_time, c.species_name, c.individuals, c.notes
            from counts c join surveys v on v.id = c.survey_id join sites s on s.id = v.site_id
            where c.individuals is not null
              and ($1::text[] is null or c.species_name = any($1))
            {Filters}
            order by s.code, v.survey_date, v.survey_time nulls first, c.species_name
            """);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        long rows = 0;
        // Rows come survey by survey: the survey's id is computed once for all its counts.
        (int Site, DateOnly Date, TimeOnly? At) survey = default;
        var eventId = "";
        while (await reader.ReadAsync(cancellationToken))
        {
            var siteId = reader.GetInt32(0);
            var site = run.Sites[siteId];
            var date = reader.GetFieldValue<DateOnly>(1);
            TimeOnly? at = reader.IsDBNull(2) ? null : reader.GetFieldValue<TimeOnly>(2);
            var species = reader.GetString(3);
            var individuals = reader.GetInt32(4);
            var english = run.Taxa.GetValueOrDefault(species);
            if (rows == 0 || survey != (siteId, date, at))
            {
                survey = (siteId, date, at);
                eventId = StableId.Create(run.Space, NaturalKeys.Survey(site.Code, date, at));
            }
            text.Write(eventId);
            text.Write(StableId.Create(run.Space, NaturalKeys.Count(site.Code, date, at, species)));
            text.Write("HumanObservation");
            text.Write(species);
            text.Write(RankOf(species));
            text.Write("Animalia");
            text.Write(english);
            text.Write<int>(individuals);
            text.Write<int>(individuals);
            text.Write("individuals");
            // A real zero is an absence (Darwin Core occurrenceStatus); not-counted rows never reach here.
            text.Write(individuals > 0 ? "present" : "absent");
            // Field notes may say where exactly the birds were: not for a generalised site.
            text.Write(site.Place.IsGeneralised || reader.IsDBNull(5) ? null : reader.GetString(5));
            text.EndRecord();

            run.Coverage.AddTaxon(species, english);
            if (individuals > 0)
            {
                run.Present++;
            }
            else
            {
                run.Absent++;
            }
            if (++rows % ArchiveEntries.ReportEvery == 0)
            {
                Report("occurrences", rows, cancellationToken);
            }
        }
        Report("occurrences", rows, cancellationToken);
        return rows;
    }

    private void Report(string stage, long rows, CancellationToken cancellationToken)
    {
        Progress?.Invoke(stage, rows);
        cancellationToken.ThrowIfCancellationRequested();
    }

    /// <summary>The survey's date, with its time where the survey has one: ISO 8601 local time of the field team
    /// (surveys record the time on the team's clock, without a zone).</summary>
    internal static string EventDateOf(DateOnly date, TimeOnly? at) =>
        at is { } t
            ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T" + t.ToString(t.Second == 0 ? "HH:mm" : "HH:mm:ss", CultureInfo.InvariantCulture)
            : date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static NpgsqlCommand Command(NpgsqlConnection conn, ExportSelection selection, string sql)
    {
        // No time limit: the first row comes after the server has sorted the selection, which for millions of counts
        // on a busy machine takes longer than Npgsql's 30 s default; Ctrl-C (the cancellation token) stops it.
        var cmd = new NpgsqlCommand(sql, conn) { CommandTimeout = 0 };
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = selection.Species.Count > 0 ? selection.Species.ToArray() : DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Date, Value = selection.From is { } f ? f : DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Date, Value = selection.To is { } t ? t : DBNull.Value });
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = selection.Countries.Count > 0 ? selection.Countries.ToArray() : DBNull.Value });
        return cmd;
    }

    /// <summary>Every site as it will be published. The uncertainty of a site with an area is the distance from
    /// its point to the farthest vertex of the area (the point-radius method, Chapman &amp; Wieczorek 2020, 3.4);
    /// without an area it is unknown and left empty.</summary>
    private static async Task<Dictionary<int, SitePlace>> LoadSitesAsync(NpgsqlConnection conn, Generalisation generalisation, CancellationToken cancellationToken)
    {
        var reasons = await SensitiveSites.LoadReasonsAsync(conn, cancellationToken);
        var sites = new Dictionary<int, SitePlace>();
        await using var cmd = new NpgsqlCommand(
            """
            select s.id, s.code, s.name_en, s.country_code, st_y(s.location), st_x(s.location),
                   (select max(st_distance(s.location::geography, d.geom::geography)) from st_dumppoints(s.area) d)
            from sites s
            """, conn);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var id = reader.GetInt32(0);
            var code = reader.GetString(1);
            double? radius = reader.IsDBNull(6) ? null : Math.Ceiling(reader.GetDouble(6));
            var place = generalisation.Publish(code, reader.GetString(2), reader.GetDouble(4), reader.GetDouble(5), radius,
                reasons.GetValueOrDefault(id));
            sites[id] = new SitePlace(code, reader.GetString(3), place);
        }
        return sites;
    }

    private static async Task<Dictionary<string, string?>> LoadTaxaAsync(NpgsqlConnection conn, CancellationToken cancellationToken)
    {
        var taxa = new Dictionary<string, string?>(StringComparer.Ordinal);
        await using var cmd = new NpgsqlCommand("select scientific_name, name_en from species", conn);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            taxa[reader.GetString(0)] = reader.IsDBNull(1) ? null : reader.GetString(1);
        }
        return taxa;
    }

    private EmlDataset Metadata(ExportSelection selection, ArchiveResult result)
    {
        var now = Time.GetUtcNow();
        var title = selection.Title ?? Options.Title;
        var c = result.Coverage;
        var span = c.First is { } first && c.Last is { } last ? $", {first:yyyy-MM-dd} to {last:yyyy-MM-dd}" : "";
        var generated = string.Create(CultureInfo.InvariantCulture,
            $"""
            Waterbird counts from coordinated surveys of the North-East Asian flyway: {result.ExtensionRows:N0} counts
            ({result.Present:N0} present, {result.Absent:N0} absent) of {c.Taxa.Count} species in {result.CoreRows:N0} survey events
            at {c.Places:N0} sites in {c.Countries.Count} countries or territories{span}. Each event is one visit to a site on a date
            (and time, where recorded); each occurrence is the number of individuals of one species counted on that visit. A count of 0
            is a recorded absence; species a survey did not count (fog, not surveyed) are not listed for it.
            """).ReplaceLineEndings(" ");
        var methods = new List<string>
        {
            "Counts of individuals per species at each site visit, by the partner teams of the flyway census. Protocols as recorded: " +
            (c.Protocols.Count > 0 ? string.Join("; ", c.Protocols) + (c.MoreProtocols ? "; and others" : "") : "not recorded") + ".",
        };
        methods.Add(result.Generalised > 0
            ? string.Create(CultureInfo.InvariantCulture,
                $"{result.Generalised:N0} of the {result.CoreRows:N0} events are at sensitive sites (roosts and feeding grounds disturbed by visitors, or sites of sensitive species) or were generalised on export: their coordinates are the centre of a grid cell, their uncertainty covers the cell, and their locality and site code are withheld (see dataGeneralizations).")
            : "No location in this archive is generalised.");
        return EmlDataset.Describe(Options, "counts", "Samplingevent", title,
            string.IsNullOrWhiteSpace(Options.Abstract) ? generated : Options.Abstract, c, methods,
            ["waterbirds", "census", "flyway", "North-East Asia"], now);
    }
}
