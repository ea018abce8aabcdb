namespace Neaspec.Survey.Storage.Migrations;

/// <summary>
/// <c>fixes</c> partitioned by month of <c>observed_at</c> (UTC): one table per month in schema <c>fix_months</c>
/// (<c>fix_months.fixes_2024_10</c> holds [2024-10-01, 2024-11-01) UTC), each with the indexes the partitioned
/// parent declares. Queries name <c>fixes</c>; a query with a time condition reads only its months.
/// </summary>
/// <remarks>
/// Why months: a Movebank study grows by later downloads, so the fixes of a new month go into a table of their
/// own that the loader fills by COPY without any index and then indexes in one sorted build each (a GiST
/// sorted by Hilbert key, B-trees by sort) before attaching it — the cost measured in docs/tracks.md. Months,
/// not years: a monthly download then always lands in a new partition. The functions here are the one place
/// that knows a month's table name, bounds and indexes; <see cref="IndexMonth"/> builds exactly the indexes of
/// the parent, so that <c>ATTACH PARTITION</c> adopts them instead of building its own. A partition is attached
/// (SHARE UPDATE EXCLUSIVE on <c>fixes</c>), never created as <c>PARTITION OF</c> (ACCESS EXCLUSIVE until the
/// load commits, which would stop every reader, QGIS included, for the whole load).
/// </remarks>
internal static class FixMonthSql
{
    public const string FixesTable =
        """
        create schema fix_months;
        comment on schema fix_months is 'The monthly partitions of fixes: query fixes, which reads only the months a time condition names.';
        create sequence fixes_id_seq as bigint cache 64;
        create table fixes (
            id bigint not null default nextval('fixes_id_seq'),
            study_id integer not null,
            individual_id integer not null,
            tag_id integer,
            event_id bigint,
            observed_at timestamp(3) with time zone not null,
            location geometry(Point, 4326) not null,
            visible boolean not null,
            marked_outlier boolean not null,
            speed_outlier boolean not null,
            hdop real,
            satellite_count smallint,
            ground_speed real,
            heading real,
            height_above_ellipsoid real,
            external_temperature real,
            attributes jsonb,
            import_id bigint not null,
            source_line integer not null,
            constraint pk_fixes primary key (id, observed_at)
        ) partition by range (observed_at);
        alter sequence fixes_id_seq owned by fixes.id;
        create unique index ux_fixes_individual_time on fixes (individual_id, observed_at, event_id) nulls not distinct;
        create unique index ux_fixes_study_event on fixes (study_id, event_id, observed_at) where event_id is not null;
        create index ix_fixes_location on fixes using gist (location);
        create index ix_fixes_import_id on fixes using brin (import_id);

        """;

    /// <summary>The indexes of one month's table, as <see cref="FixesTable"/> declares them on the parent.</summary>
    public const string IndexMonth =
        """
        create function index_fix_month(p_table regclass) returns void language plpgsql
        as $$
        begin
            execute format('alter table %s add primary key (id, observed_at)', p_table);
            execute format('create unique index on %s (individual_id, observed_at, event_id) nulls not distinct', p_table);
            execute format('create unique index on %s (study_id, event_id, observed_at) where event_id is not null', p_table);
            execute format('create index on %s using gist (location)', p_table);
            execute format('create index on %s using brin (import_id)', p_table);
        end $$;

        """;

    public const string Functions =
        """
        create function fix_month_table(p_month date) returns text language sql immutable
        as $$ select format('fix_months.%I', 'fixes_' || to_char(p_month, 'YYYY_MM')) $$;

        create function fix_month_attached(p_month date) returns boolean language sql stable
        as $$
            select exists (select 1 from pg_inherits where inhparent = 'fixes'::regclass and inhrelid = to_regclass(fix_month_table(p_month)))
        $$;

        -- A month's table, not yet a partition: the columns and defaults of fixes, no index, and a check of its
        -- range, so that attaching it needs no scan (attach_fix_month drops the check again).
        create function create_fix_month(p_month date) returns regclass language plpgsql
        as $$
        begin
            execute format('create table %s (like fixes including defaults, constraint ck_in_month check (observed_at >= %L and observed_at < %L))',
                fix_month_table(p_month), p_month::timestamp at time zone 'UTC', (p_month + interval '1 month')::timestamp at time zone 'UTC');
            return fix_month_table(p_month)::regclass;
        end $$;

        create function attach_fix_month(p_month date) returns void language plpgsql
        as $$
        begin
            execute format('alter table fixes attach partition %s for values from (%L) to (%L)', fix_month_table(p_month),
                p_month::timestamp at time zone 'UTC', (p_month + interval '1 month')::timestamp at time zone 'UTC');
            execute format('alter table %s drop constraint ck_in_month', fix_month_table(p_month));
        end $$;

        -- Which of these months (any day of them) have no partition yet. When some have none, the caller will
        -- create them: the lock (held to the end of the transaction) makes a second load wait, and then see them.
        create function missing_fix_months(p_months date[]) returns date[] language plpgsql
        as $$
        declare
            missing date[] := array(select distinct date_trunc('month', m)::date from unnest(p_months) m
                                    where not fix_month_attached(date_trunc('month', m)::date) order by 1);
        begin
            if cardinality(missing) > 0 then
                perform pg_advisory_xact_lock(1414677332, 0);
                missing := array(select m from unnest(missing) m where not fix_month_attached(m) order by 1);
            end if;
            return missing;
        end $$;

        -- Empty partitions for the months that have none; returns how many were made.
        create function ensure_fix_months(p_months date[]) returns integer language plpgsql
        as $$
        declare
            m date;
            n integer := 0;
        begin
            foreach m in array missing_fix_months(p_months) loop
                perform index_fix_month(create_fix_month(m));
                perform attach_fix_month(m);
                n := n + 1;
            end loop;
            return n;
        end $$;

        """;

    /// <summary>The fixes of the unpartitioned table into the months, Movebank's numeric attributes into their
    /// columns (any spelling: ground-speed, ground_speed, ground.speed; only values that are numbers).</summary>
    public const string MoveRows =
        """
        create function pg_temp.movebank_name(p_key text) returns text language sql immutable
        as $$ select translate(lower(btrim(btrim(btrim(p_key), '"'))), '_.', '--') $$;
        create function pg_temp.movebank_number(p_attributes jsonb, p_name text) returns real language sql immutable
        as $$
            select v.value::real from jsonb_each_text(p_attributes) v
            where pg_temp.movebank_name(v.key) = p_name
              and v.value ~ '^\s*[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?\s*$' and abs(v.value::float8) <= 3.4e38
            limit 1
        $$;
        create function pg_temp.movebank_rest(p_attributes jsonb) returns jsonb language sql immutable
        as $$
            select nullif(coalesce(jsonb_object_agg(v.key, v.value), '{}'::jsonb), '{}'::jsonb) from jsonb_each(p_attributes) v
            where not (pg_temp.movebank_name(v.key) in ('ground-speed', 'heading', 'height-above-ellipsoid', 'external-temperature')
                       and pg_temp.movebank_number(jsonb_build_object(v.key, v.value), pg_temp.movebank_name(v.key)) is not null)
        $$;

        select ensure_fix_months(array(select distinct date_trunc('month', observed_at at time zone 'UTC')::date from fixes_unpartitioned));
        insert into fixes (id, study_id, individual_id, tag_id, event_id, observed_at, location, visible, marked_outlier, speed_outlier,
                           hdop, satellite_count, ground_speed, heading, height_above_ellipsoid, external_temperature, attributes,
                           import_id, source_line)
        select id, study_id, individual_id, tag_id, event_id, observed_at, location, visible, marked_outlier, speed_outlier,
               hdop, satellite_count,
               pg_temp.movebank_number(attributes, 'ground-speed'), pg_temp.movebank_number(attributes, 'heading'),
               pg_temp.movebank_number(attributes, 'height-above-ellipsoid'), pg_temp.movebank_number(attributes, 'external-temperature'),
               pg_temp.movebank_rest(attributes), import_id, source_line
        from fixes_unpartitioned
        order by individual_id, observed_at;
        select setval('fixes_id_seq', coalesce((select max(id) from fixes_unpartitioned), 0) + 1, false);
        update track_sources set attribute_columns = array(
            select c from unnest(attribute_columns) c
            where pg_temp.movebank_name(c) not in ('ground-speed', 'heading', 'height-above-ellipsoid', 'external-temperature'));

        """;

    /// <summary>The table as it was before months, renamed out of the way (its rows move, then it goes).</summary>
    public const string SetAsideUnpartitioned =
        """
        alter table fixes rename to fixes_unpartitioned;
        alter table fixes_unpartitioned rename constraint pk_fixes to pk_fixes_unpartitioned;
        alter index ux_fixes_individual_time rename to ux_fixes_unpartitioned_individual_time;
        alter index ux_fixes_study_event rename to ux_fixes_unpartitioned_study_event;
        alter index ix_fixes_location rename to ix_fixes_unpartitioned_location;
        alter index ix_fixes_import_id rename to ix_fixes_unpartitioned_import_id;
        alter sequence fixes_id_seq rename to fixes_unpartitioned_id_seq;

        """;

    public const string Up = SetAsideUnpartitioned + FixesTable + IndexMonth + Functions + MoveRows + "drop table fixes_unpartitioned;\n";

    /// <summary>Back to one table (the Tracks migration's), the typed columns folded back into attributes.</summary>
    public const string Down =
        """
        create table fixes_unpartitioned (
            id bigint generated always as identity,
            study_id integer not null, individual_id integer not null, tag_id integer, event_id bigint,
            observed_at timestamp(3) with time zone not null, location geometry(Point, 4326) not null,
            visible boolean not null, marked_outlier boolean not null, speed_outlier boolean not null,
            hdop real, satellite_count smallint, attributes jsonb, import_id bigint not null, source_line integer not null);
        insert into fixes_unpartitioned (id, study_id, individual_id, tag_id, event_id, observed_at, location, visible, marked_outlier,
                                         speed_outlier, hdop, satellite_count, attributes, import_id, source_line)
        overriding system value
        select id, study_id, individual_id, tag_id, event_id, observed_at, location, visible, marked_outlier, speed_outlier, hdop,
               satellite_count,
               nullif(coalesce(attributes, '{}'::jsonb) || jsonb_strip_nulls(jsonb_build_object(
                   'ground-speed', ground_speed::text, 'heading', heading::text,
                   'height-above-ellipsoid', height_above_ellipsoid::text, 'external-temperature', external_temperature::text)), '{}'::jsonb),
               import_id, source_line
        from fixes order by individual_id, observed_at;
        select setval(pg_get_serial_sequence('fixes_unpartitioned', 'id'), coalesce((select max(id) from fixes), 0) + 1, false);
        drop table fixes;
        drop schema fix_months cascade;
        drop function ensure_fix_months(date[]), missing_fix_months(date[]), attach_fix_month(date), create_fix_month(date),
                      fix_month_attached(date), fix_month_table(date), index_fix_month(regclass);
        alter table fixes_unpartitioned rename to fixes;
        alter sequence fixes_unpartitioned_id_seq rename to fixes_id_seq;
        alter table fixes add constraint pk_fixes primary key (id);
        create unique index ux_fixes_individual_time on fixes (individual_id, observed_at, event_id) nulls not distinct;
        create unique index ux_fixes_study_event on fixes (study_id, event_id) where event_id is not null;
        create index ix_fixes_location on fixes using brin (location);
        create index ix_fixes_import_id on fixes using brin (import_id);

        """;
}
