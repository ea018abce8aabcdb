namespace Neaspec.Survey.Ingestion.Tracks.Load;

/// <summary>Every statement of the track load, grouped by stage: begin (the study), stage (new months, COPY),
/// merge (keys and fixes), flag (speed filter, counts), finish (species, deployments, the file's header), lines
/// (track_days, track_seasons). Both routes (<see cref="DirectCopyRoute"/>, <see cref="StagedMergeRoute"/>) take
/// theirs from here; the months' own functions (index_fix_month, attach_fix_month, ...) and refresh_track_lines
/// are the database's (migration TracksAtScale).</summary>
internal static class TrackSql
{
    // ---- begin ----

    // Big sorts stay in memory; JIT would spend longer compiling these one-off statements than it saves.
    public const string SessionSettings = "set local work_mem = '256MB'; set local jit = off";

    public const string UpsertStudy =
        "insert into studies (name) values ($1) on conflict (name) do update set name = excluded.name returning id";

    // One load of a study at a time: the duplicate checks then see every committed fix.
    public const string LockStudy = "select count(*) from (select pg_advisory_xact_lock(1414677331, $1::int)) l";

    // Through the study's individuals: fixes has no index that starts with study_id for rows without event id.
    public const string StudyHasFixes =
        "select count(*) from individuals i where i.study_id = $1 and exists (select 1 from fixes f where f.individual_id = i.id)";

    public const string SavepointDirectCopy = "savepoint direct_copy";

    public const string RollbackToDirectCopy = "rollback to savepoint direct_copy";

    // ---- stage: new months (direct copy) ----

    /// <summary>Of the months given (their first days), those without a partition; when there are, the lock that
    /// orders the creation of months is taken until the load ends.</summary>
    public const string MissingMonths = "select missing_fix_months($1)";

    /// <summary>The table the COPY fills when the file brings new months: partitioned like fixes, its partitions
    /// the new months' tables (no index yet) and, for rows of months that exist, a default partition.</summary>
    public static string CreateLoad(string load) =>
        $"create table fix_months.{load} (like fixes including defaults) partition by range (observed_at)";

    public const string CreateMonth = "select create_fix_month($1)::text";

    public static string AttachToLoad(string load, string month, DateOnly first) =>
        $"alter table fix_months.{load} attach partition {month} for values from ('{Utc(first)}') to ('{Utc(first.AddMonths(1))}')";

    public static string CreateLoadRest(string load) => $"create table fix_months.{load}_rest partition of fix_months.{load} default";

    public static string MoveLoadRest(string load) =>
        $"insert into fixes ({FixColumns}) select {FixColumns} from fix_months.{load}_rest";

    public static string DetachFromLoad(string load, string month) => $"alter table fix_months.{load} detach partition {month}";

    public static string DropLoad(string load) => $"drop table fix_months.{load}";

    public static string MonthHasRows(string month) => $"select count(*) from (select 1 from {month} limit 1) r";

    public static string DropMonth(string month) => $"drop table {month}";

    /// <summary>The month's indexes, built once on all its rows (sorted builds), then the month attached to fixes.</summary>
    public const string IndexAndAttachMonth = "select index_fix_month($1::regclass), attach_fix_month($2)";

    private static string Utc(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) + " 00:00:00+00";

    // ---- stage: direct copy ----

    public const string FixColumns =
        "study_id, individual_id, tag_id, event_id, observed_at, location, visible, marked_outlier, speed_outlier, hdop, satellite_count, " +
        "ground_speed, heading, height_above_ellipsoid, external_temperature, attributes, import_id, source_line";

    /// <summary>The binary COPY into <paramref name="table"/> (fixes, or a load's table), columns as <see cref="FixColumns"/>.</summary>
    public static string CopyFixes(string table) => $"copy {table} ({FixColumns}) from stdin (format binary)";

    public const string StudyIndividuals = "select local_identifier, id from individuals where study_id = $1";

    public const string StudyTags = "select local_identifier, id from tags where study_id = $1";

    /// <summary>A block of <paramref name="count"/> ids of <paramref name="table"/>'s serial, taken before the COPY.</summary>
    public static string ReserveIds(string table, int count) =>
        $"select array_agg(nextval(pg_get_serial_sequence('{table}', 'id'))::int order by 1) from generate_series(1, {count})";

    public const string MaxStoredEventId = "select max(event_id) from fixes where study_id = $1 and event_id is not null";

    // Per individual of the study: its last fix's time, and its last two unflagged fixes (the last one's id,
    // time, point and flag, and the speed it was reached at from the one before).
    public const string StoredTails =
        """
        select i.id, m.max_at, l.id, l.observed_at, st_x(l.location), st_y(l.location), l.speed_outlier,
               st_distancesphere(p.location, l.location) * 3.6 / greatest(extract(epoch from l.observed_at - p.observed_at), 0.001)
        from individuals i
        cross join lateral (select max(observed_at) as max_at from fixes where individual_id = i.id) m
        left join lateral (
            select f.id, f.observed_at, f.location, f.speed_outlier from fixes f
            where f.individual_id = i.id and f.visible and not f.marked_outlier
            order by f.observed_at desc, f.id desc limit 1) l on true
        left join lateral (
            select f.observed_at, f.location from fixes f
            where f.individual_id = i.id and f.visible and not f.marked_outlier and (f.observed_at, f.id) < (l.observed_at, l.id)
            order by f.observed_at desc, f.id desc limit 1) p on true
        where i.study_id = $1 and m.max_at is not null
        """;

    // ---- merge: direct copy ----

    public const string InsertReservedIndividuals =
        """
        insert into individuals (id, study_id, local_identifier, taxon)
        select id, $4, name, taxon from unnest($1::int[], $2::text[], $3::text[]) as x(id, name, taxon)
        on conflict (study_id, local_identifier) do update set taxon = coalesce(individuals.taxon, excluded.taxon)
            where individuals.taxon is null and excluded.taxon is not null
        """;

    public const string InsertReservedTags =
        """
        insert into tags (id, study_id, local_identifier)
        select id, $3, name from unnest($1::int[], $2::text[]) as x(id, name)
        on conflict (study_id, local_identifier) do nothing
        """;

    // With the time, so that each row is looked up in its own month only.
    public const string UpdateStoredFlags =
        """
        update fixes f set speed_outlier = x.flag from unnest($1::bigint[], $2::timestamptz[], $3::bool[]) as x(id, observed_at, flag)
        where f.id = x.id and f.observed_at = x.observed_at
        """;

    // ---- stage and merge: staged ----

    public const string CopyStage =
        "copy track_stage (line, ind, tag, event_id, observed_at, lon, lat, visible, marked_outlier, hdop, satellites, " +
        "ground_speed, heading, height_above_ellipsoid, external_temperature, attributes) from stdin (format binary)";

    /// <summary>Empty partitions for the staged rows' months that have none (the staged route inserts through fixes).</summary>
    public const string EnsureStagedMonths =
        "select ensure_fix_months(array(select distinct date_trunc('month', observed_at at time zone 'UTC')::date from track_stage))";

    public const string CopyStageIndividuals = "copy track_stage_individuals (ind, study, individual, taxon) from stdin (format binary)";

    public const string CopyStageTags = "copy track_stage_tags (tag, study, local_identifier) from stdin (format binary)";

    public const string MappedIndividuals = "select individual_id from track_map";

    // ---- flag ----

    public const string SpeedFlagged = "select count(*) from fixes where import_id = $1 and speed_outlier";

    public const string Flagged = "select count(*) from fixes where import_id = $1 and (not visible or marked_outlier or speed_outlier)";

    // ---- lines ----

    /// <summary>Per individual, the times whose lines the import changed: its new fixes, widened to the good stored
    /// fix either side (the speed filter may have changed their flags).</summary>
    public const string ImportSpans =
        """
        select n.individual_id,
               coalesce((select x.observed_at from fixes x
                         where x.individual_id = n.individual_id and x.observed_at < n.lo and x.visible and not x.marked_outlier
                         order by x.observed_at desc limit 1), n.lo),
               coalesce((select x.observed_at from fixes x
                         where x.individual_id = n.individual_id and x.observed_at > n.hi and x.visible and not x.marked_outlier
                         order by x.observed_at limit 1), n.hi)
        from (select individual_id, min(observed_at) as lo, max(observed_at) as hi from fixes where import_id = $1 group by 1) n
        """;

    /// <summary>Of the file's individuals, those whose stored lines name another taxon than the individual now has
    /// (a taxon or species given for the first time): all their lines are rebuilt.</summary>
    public const string OutdatedLines =
        """
        select i.id from individuals i
        where i.id = any($1)
          and (exists (select 1 from track_days t where t.id between i.id::bigint * 100000 and i.id::bigint * 100000 + 99999
                                                     and t.taxon is distinct from coalesce(i.species_name, i.taxon))
               or exists (select 1 from track_seasons t where t.id between i.id::bigint * 100000000 and i.id::bigint * 100000000 + 99999999
                                                           and t.taxon is distinct from coalesce(i.species_name, i.taxon)))
        """;

    /// <summary>Rebuilds the lines over the spans (±infinity: all of an individual's fixes), with the pieces of the
    /// days the load made them for (<see cref="LinePieces"/>) taken from track_piece.</summary>
    public const string RefreshLines = "select refresh_track_lines($1, $2, $3, $4, $5)";

    /// <summary>The pieces table refresh_track_lines reads (and fills with the days it reads itself).</summary>
    public const string CreatePieces =
        """
        create temp table track_piece (individual_id integer not null, day date not null, fixes integer not null,
                                       first_at timestamptz not null, last_at timestamptz not null, points geometry not null) on commit drop
        """;

    public const string CopyPieces = "copy track_piece (individual_id, day, fixes, first_at, last_at, points) from stdin (format binary)";

    // ---- finish ----

    public const string InsertDeployment =
        """
        insert into deployments (tag_id, individual_id, deploy_on, deploy_off, import_id)
        select t.id, i.id, $4, $5, $6
        from studies s
        join tags t on t.study_id = s.id and t.local_identifier = $2
        join individuals i on i.study_id = s.id and i.local_identifier = $3
        where s.name = $1
        on conflict (tag_id, individual_id, deploy_on) do update set deploy_off = excluded.deploy_off
        """;

    public const string InsertTrackSource =
        """
        insert into track_sources (import_id, header, attribute_columns, rows_without_location, non_location_rows, speed_flagged)
        values ($1, $2, $3, $4, $5, $6)
        """;

    // ---- statements of more than a line ----

    // Temporary tables are not WAL-logged and vanish with the transaction.
    public const string Staging =
        """
        create temp table track_stage (
            line int not null, ind int not null, tag int, event_id bigint, observed_at timestamptz not null,
            lon float8 not null, lat float8 not null, visible bool not null, marked_outlier bool not null,
            hdop real, satellites smallint, ground_speed real, heading real, height_above_ellipsoid real, external_temperature real,
            attributes jsonb
        ) on commit drop;
        create temp table track_stage_individuals (ind int primary key, study text not null, individual text not null, taxon text) on commit drop;
        create temp table track_stage_tags (tag int primary key, study text not null, local_identifier text not null) on commit drop;
        """;

    // Studies, individuals and tags first (small tables), then a map from the file's numbers to ids.
    public const string ResolveKeys =
        """
        insert into studies (name)
        select distinct study from (select study from track_stage_individuals union select study from track_stage_tags) s
        order by 1
        on conflict (name) do nothing;

        insert into individuals (study_id, local_identifier, taxon)
        select s.id, x.individual, x.taxon
        from track_stage_individuals x join studies s on s.name = x.study
        order by x.ind
        on conflict (study_id, local_identifier) do update set taxon = coalesce(individuals.taxon, excluded.taxon)
            where individuals.taxon is null and excluded.taxon is not null;

        insert into tags (study_id, local_identifier)
        select s.id, x.local_identifier
        from track_stage_tags x join studies s on s.name = x.study
        order by x.tag
        on conflict (study_id, local_identifier) do nothing;

        create temp table track_map on commit drop as
        select x.ind, s.id as study_id, i.id as individual_id
        from track_stage_individuals x
        join studies s on s.name = x.study
        join individuals i on i.study_id = s.id and i.local_identifier = x.individual;
        alter table track_map add primary key (ind);

        create temp table track_tag_map on commit drop as
        select x.tag, t.id as tag_id
        from track_stage_tags x join studies s on s.name = x.study join tags t on t.study_id = s.id and t.local_identifier = x.local_identifier;
        alter table track_tag_map add primary key (tag);
        analyze track_map;
        analyze track_tag_map;

        """;

    // The catalogue knows a taxon by its scientific name or a synonym (Grus vipio -> Antigone vipio).
    public const string Species =
        """
        update individuals i set species_name = sp.scientific_name
        from species sp
        where i.id = any($1) and i.species_name is null and i.taxon is not null
          and (lower(sp.scientific_name) = lower(btrim(i.taxon))
               or lower(btrim(i.taxon)) in (select lower(syn) from unnest(sp.synonyms) syn))
        returning i.id;
        """;

    // One pass, in (individual, time) order, which keeps the btree appends sequential and the BRIN ranges of
    // import_id tight. The unique indexes find the duplicates, of stored fixes and within the
    // file alike (DO NOTHING also skips a row that an earlier row of the same statement inserted; the
    // earlier line wins). A row without event id is also a duplicate of a stored fix of the individual at
    // that time that has one, which no index says: the anti-join checks that, for those rows only.
    public const string Merge =
        """
        with inserted as (
            insert into fixes (study_id, individual_id, tag_id, event_id, observed_at, location, visible, marked_outlier,
                               speed_outlier, hdop, satellite_count, ground_speed, heading, height_above_ellipsoid, external_temperature,
                               attributes, import_id, source_line)
            select m.study_id, m.individual_id, t.tag_id, s.event_id, s.observed_at, st_setsrid(st_makepoint(s.lon, s.lat), 4326),
                   s.visible, s.marked_outlier, false, s.hdop, s.satellites, s.ground_speed, s.heading, s.height_above_ellipsoid,
                   s.external_temperature, s.attributes, $1, s.line
            from track_stage s
            join track_map m on m.ind = s.ind
            left join track_tag_map t on t.tag = s.tag
            where s.event_id is not null
               or not exists (select 1 from fixes x where x.individual_id = m.individual_id and x.observed_at = s.observed_at)
            order by m.individual_id, s.observed_at, s.line
            on conflict do nothing
            returning 1
        )
        select count(*) from inserted;
        """;

    // A fix is a speed outlier when it is reached too fast from the fix before AND left too fast to the
    // fix after (a spike); one fast leg alone is a fast flight, or the neighbour's fault. Only fixes that
    // no other flag excludes take part. A load can change the flags of its own fixes and of the stored
    // fixes next to them, nothing else: per individual the window spans the new fixes plus two stored
    // fixes either side (so each judged fix has both its neighbours), and only changed flags are written.
    public const string SpeedFilter =
        """
        with span as materialized (
            select n.individual_id,
                   coalesce((select x.observed_at from fixes x
                             where x.individual_id = n.individual_id and x.observed_at < n.lo and x.visible and not x.marked_outlier
                             order by x.observed_at desc offset 1 limit 1), '-infinity') as lo,
                   coalesce((select x.observed_at from fixes x
                             where x.individual_id = n.individual_id and x.observed_at > n.hi and x.visible and not x.marked_outlier
                             order by x.observed_at offset 1 limit 1), 'infinity') as hi
            from (select individual_id, min(observed_at) as lo, max(observed_at) as hi
                  from fixes where import_id = $3 and individual_id = any($2) group by individual_id) n
        ), legs as (
            select f.id, f.observed_at, f.speed_outlier as old,
                   f.import_id = $3 or lag(f.import_id) over w = $3 or lead(f.import_id) over w = $3 as touched,
                   st_distancesphere(f.location, lag(f.location) over w) * 3.6
                       / greatest(extract(epoch from f.observed_at - lag(f.observed_at) over w), 0.001) as kmh_in,
                   st_distancesphere(f.location, lead(f.location) over w) * 3.6
                       / greatest(extract(epoch from lead(f.observed_at) over w - f.observed_at), 0.001) as kmh_out
            from fixes f join span s on s.individual_id = f.individual_id and f.observed_at between s.lo and s.hi
            where f.visible and not f.marked_outlier
            window w as (partition by f.individual_id order by f.observed_at, f.id)
        ), judged as (
            select id, observed_at, old, (kmh_in is not null or kmh_out is not null)
                            and coalesce(kmh_in > $1, true) and coalesce(kmh_out > $1, true) as new
            from legs
            where touched
        )
        update fixes f set speed_outlier = j.new from judged j
        where f.id = j.id and f.observed_at = j.observed_at and j.old <> j.new;
        """;
}
