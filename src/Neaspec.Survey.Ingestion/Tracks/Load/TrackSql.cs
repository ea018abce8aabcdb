namespace Neaspec.Survey.Ingestion.Tracks.Load;

/// <summary>Every statement of the track load, grouped by stage: begin (the study), stage (COPY), merge
/// (keys and fixes), flag (speed filter, counts), finish (species, deployments, the file's header). Both
/// routes (<see cref="DirectCopyRoute"/>, <see cref="StagedMergeRoute"/>) take theirs from here.</summary>
internal static class TrackSql
{
    // ---- begin ----

    // Big sorts stay in memory; JIT would spend longer compiling these one-off statements than it saves.
    public const string SessionSettings = "set local work_mem = '256MB'; set local jit = off";

    public const string UpsertStudy =
        "insert into studies (name) values ($1) on conflict (name) do update set name = excluded.name returning id";

    // One load of a study at a time: the duplicate checks then see every committed fix.
    public const string LockStudy = "select count(*) from (select pg_advisory_xact_lock(1414677331, $1::int)) l";

    public const string StudyHasFixes = "select count(*) from (select 1 from fixes where study_id = $1 limit 1) f";

    public const string SavepointDirectCopy = "savepoint direct_copy";

    public const string RollbackToDirectCopy = "rollback to savepoint direct_copy";

    // ---- stage: direct copy ----

    public const string CopyFixes =
        "copy fixes (study_id, individual_id, tag_id, event_id, observed_at, location, visible, marked_outlier, speed_outlier, " +
        "hdop, satellite_count, attributes, import_id, source_line) from stdin (format binary)";

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

    public const string UpdateStoredFlags =
        "update fixes f set speed_outlier = x.flag from unnest($1::bigint[], $2::bool[]) as x(id, flag) where f.id = x.id";

    // ---- stage and merge: staged ----

    public const string CopyStage =
        "copy track_stage (line, ind, tag, event_id, observed_at, lon, lat, visible, marked_outlier, hdop, satellites, attributes) from stdin (format binary)";

    public const string CopyStageIndividuals = "copy track_stage_individuals (ind, study, individual, taxon) from stdin (format binary)";

    public const string CopyStageTags = "copy track_stage_tags (tag, study, local_identifier) from stdin (format binary)";

    public const string MappedIndividuals = "select individual_id from track_map";

    // ---- flag ----

    public const string SpeedFlagged = "select count(*) from fixes where import_id = $1 and speed_outlier";

    public const string Flagged = "select count(*) from fixes where import_id = $1 and (not visible or marked_outlier or speed_outlier)";

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
            hdop real, satellites smallint, attributes jsonb
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
               or lower(btrim(i.taxon)) in (select lower(syn) from unnest(sp.synonyms) syn));
        """;

    // One pass, in (individual, time) order, which keeps the BRIN ranges of the point index tight and the
    // btree appends sequential. The unique indexes find the duplicates, of stored fixes and within the
    // file alike (DO NOTHING also skips a row that an earlier row of the same statement inserted; the
    // earlier line wins). A row without event id is also a duplicate of a stored fix of the individual at
    // that time that has one, which no index says: the anti-join checks that, for those rows only.
    public const string Merge =
        """
        with inserted as (
            insert into fixes (study_id, individual_id, tag_id, event_id, observed_at, location, visible, marked_outlier,
                               speed_outlier, hdop, satellite_count, attributes, import_id, source_line)
            select m.study_id, m.individual_id, t.tag_id, s.event_id, s.observed_at, st_setsrid(st_makepoint(s.lon, s.lat), 4326),
                   s.visible, s.marked_outlier, false, s.hdop, s.satellites, s.attributes, $1, s.line
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
            select f.id, f.speed_outlier as old,
                   f.import_id = $3 or lag(f.import_id) over w = $3 or lead(f.import_id) over w = $3 as touched,
                   st_distancesphere(f.location, lag(f.location) over w) * 3.6
                       / greatest(extract(epoch from f.observed_at - lag(f.observed_at) over w), 0.001) as kmh_in,
                   st_distancesphere(f.location, lead(f.location) over w) * 3.6
                       / greatest(extract(epoch from lead(f.observed_at) over w - f.observed_at), 0.001) as kmh_out
            from fixes f join span s on s.individual_id = f.individual_id and f.observed_at between s.lo and s.hi
            where f.visible and not f.marked_outlier
            window w as (partition by f.individual_id order by f.observed_at, f.id)
        ), judged as (
            select id, old, (kmh_in is not null or kmh_out is not null)
                            and coalesce(kmh_in > $1, true) and coalesce(kmh_out > $1, true) as new
            from legs
            where touched
        )
        update fixes f set speed_outlier = j.new from judged j
        where f.id = j.id and j.old <> j.new;
        """;
}
