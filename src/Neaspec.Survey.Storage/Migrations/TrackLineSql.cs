namespace Neaspec.Survey.Storage.Migrations;

/// <summary>
/// Track lines stored for QGIS: <c>track_days</c> (one LineString per individual per UTC day) and
/// <c>track_seasons</c> (one per individual per season window of the <c>seasons</c> table), made from the fixes no
/// quality flag marks, at least two. Tables with a GiST index and a typed geometry column (registered in
/// <c>geometry_columns</c>), a bigint <c>id</c> that stays the same through every rebuild, kept current by the
/// track import (<c>refresh_track_lines</c>, in the load's transaction) and by triggers on <c>seasons</c>.
/// </summary>
/// <remarks>
/// They replace the views of the Tracks and Seasons migrations, which rebuilt every line at every request (3.1 s
/// for a QGIS map window at 1 M fixes). <c>season_windows</c> is <c>season_of</c> turned around: the instants a
/// season row holds, as ranges, so a season line is an index range scan instead of a function call per fix;
/// <c>SeasonWindowTests</c> checks that both say the same for every instant.
/// </remarks>
internal static class TrackLineSql
{
    public const string SeasonWindows =
        """
        -- The first day whose MM-DD is at or after p_md in p_year (p_after = 0), or the day after the last day whose
        -- MM-DD is at or before it (p_after = 1): what season_of's comparison of 'MM-DD' texts means, 02-29 and
        -- 04-31 included (the end of February, the end of April).
        create function season_day(p_year integer, p_md text, p_after integer) returns date language sql immutable
        as $$
            select least(make_date(p_year, substr(p_md, 1, 2)::int, 1) + (substr(p_md, 4, 2)::int - 1 + p_after),
                         (make_date(p_year, substr(p_md, 1, 2)::int, 1) + interval '1 month')::date)
        $$;

        -- The season windows of a species (its own rows, else the defaults) that overlap [p_from, p_to]: each
        -- [starts_at, ends_at) read in the row's time zone, in the year it ends in, as season_of.
        create function season_windows(p_species text, p_from timestamptz, p_to timestamptz)
        returns table (season_id integer, season text, season_year integer, starts_at timestamptz, ends_at timestamptz)
        language sql stable
        as $$
            select s.id, s.name, y.season_year, w.starts_at, w.ends_at
            from seasons s
            cross join lateral generate_series(extract(year from p_from at time zone s.time_zone)::int - 1,
                                               extract(year from p_to at time zone s.time_zone)::int + 1) y(season_year)
            cross join lateral (
                select season_day(y.season_year - case when s.start_md > s.end_md then 1 else 0 end, s.start_md, 0)::timestamp
                           at time zone s.time_zone as starts_at,
                       season_day(y.season_year, s.end_md, 1)::timestamp at time zone s.time_zone as ends_at) w
            where (s.species = p_species
                   or (s.species is null and not exists (select 1 from seasons o where o.species = p_species)))
              and w.starts_at < w.ends_at and w.starts_at <= p_to and w.ends_at > p_from
        $$;

        """;

    public const string Tables =
        """
        create table track_days (
            id bigint primary key,
            study text not null,
            individual text not null,
            taxon text,
            individual_id integer not null,
            day date not null,
            fixes integer not null,
            first_at timestamptz not null,
            last_at timestamptz not null,
            geom geometry(LineString, 4326) not null);
        comment on table track_days is 'One line per individual per UTC day of its unflagged fixes (at least two); id = individual_id * 100000 + days since 1970-01-01.';
        create index ix_track_days_geom on track_days using gist (geom);

        create table track_seasons (
            id bigint primary key,
            study text not null,
            individual text not null,
            taxon text,
            individual_id integer not null,
            season_id integer not null,
            season_year integer not null,
            season text not null,
            fixes integer not null,
            first_at timestamptz not null,
            last_at timestamptz not null,
            geom geometry(LineString, 4326) not null);
        comment on table track_seasons is 'One line per individual per season window of the seasons table (season_of); id = (individual_id * 10000 + season_year) * 10000 + season_id.';
        create index ix_track_seasons_geom on track_seasons using gist (geom);

        """;

    /// <summary>
    /// Rebuilds the lines of the given individuals over the given times: every UTC day from the day of
    /// <c>p_from</c> to the day of <c>p_to</c> (per individual; ±infinity: all its fixes), and every season window
    /// those days touch, whole. Each day's good fixes are read once, as one time-ordered MultiPoint (a piece:
    /// every point kept, repeated ones too); a day line is its piece, a season line the pieces of its days in
    /// order — for windows that start and end at UTC midnight (every window read in UTC, the default), else it is
    /// made from the fixes of the window. The days from <c>p_pieces_from</c> to <c>p_pieces_to</c> (per
    /// individual) have their pieces in the caller's temporary table <c>track_piece</c> already: the track loader
    /// makes them as it writes the fixes.
    /// </summary>
    public const string Refresh =
        """
        create or replace function refresh_track_lines(p_individuals integer[], p_from timestamptz[], p_to timestamptz[],
                                            p_pieces_from date[] default null, p_pieces_to date[] default null) returns void
        language plpgsql
        as $$
        begin
            set local client_min_messages = warning;
            drop table if exists pg_temp.track_span, pg_temp.track_window, pg_temp.track_range;
            create temp table if not exists track_piece (individual_id integer not null, day date not null, fixes integer not null,
                first_at timestamptz not null, last_at timestamptz not null, points geometry not null) on commit drop;

            create temp table track_span on commit drop as
            select individual_id, min((lo at time zone 'UTC')::date) as d0, max((hi at time zone 'UTC')::date) as d1,
                   min(k0) as k0, max(k1) as k1
            from (select u.individual_id, u.k0, u.k1,
                         case when u.lo = '-infinity' then (select min(f.observed_at) from fixes f where f.individual_id = u.individual_id) else u.lo end as lo,
                         case when u.hi = 'infinity' then (select max(f.observed_at) from fixes f where f.individual_id = u.individual_id) else u.hi end as hi
                  from unnest(p_individuals, p_from, p_to, p_pieces_from, p_pieces_to) u(individual_id, lo, hi, k0, k1)) s
            where lo is not null and hi is not null
            group by individual_id;
            analyze track_span;

            create temp table track_window on commit drop as
            select s.individual_id, w.season_id, w.season, w.season_year, w.starts_at, w.ends_at,
                   (w.starts_at at time zone 'UTC')::time = '00:00' and (w.ends_at at time zone 'UTC')::time = '00:00' as whole_days
            from track_span s
            join individuals i on i.id = s.individual_id
            cross join lateral season_windows(i.species_name, s.d0::timestamp at time zone 'UTC',
                                              (s.d1 + 1)::timestamp at time zone 'UTC' - interval '1 millisecond') w;
            analyze track_window;

            -- The days whose pieces come from the fixes: the span and its whole-day windows, but the pieces given.
            create temp table track_range on commit drop as
            with e as (
                select s.individual_id, s.k0, s.k1, least(s.d0, min((w.starts_at at time zone 'UTC')::date)) as d0,
                       greatest(s.d1, max((w.ends_at at time zone 'UTC')::date - 1)) as d1
                from track_span s left join track_window w on w.individual_id = s.individual_id and w.whole_days
                group by s.individual_id, s.d0, s.d1, s.k0, s.k1)
            select individual_id, r0, r1 from (
                select individual_id, d0 as r0, coalesce(k0 - 1, d1) as r1 from e
                union all
                select individual_id, k1 + 1, d1 from e where k1 is not null) r
            where r0 <= r1;
            analyze track_range;

            -- Per range, through the (individual, time) index of the months the range reaches (LATERAL: a new month
            -- has no statistics yet, and a join let the planner scan every fix to find the few days of the ranges).
            insert into track_piece (individual_id, day, fixes, first_at, last_at, points)
            select r.individual_id, p.day, p.fixes, p.first_at, p.last_at, p.points
            from track_range r
            cross join lateral (
                select (f.observed_at at time zone 'UTC')::date as day, count(*)::int as fixes, min(f.observed_at) as first_at,
                       max(f.observed_at) as last_at, st_collect(array_agg(f.location order by f.observed_at, f.id)) as points
                from fixes f
                where f.individual_id = r.individual_id
                  and f.observed_at >= r.r0::timestamp at time zone 'UTC' and f.observed_at < (r.r1 + 1)::timestamp at time zone 'UTC'
                  and f.visible and not f.marked_outlier and not f.speed_outlier
                group by 1) p;

            delete from track_days t using track_span s
            where t.id between s.individual_id::bigint * 100000 + (s.d0 - date '1970-01-01')
                           and s.individual_id::bigint * 100000 + (s.d1 - date '1970-01-01');
            insert into track_days (id, study, individual, taxon, individual_id, day, fixes, first_at, last_at, geom)
            select p.individual_id::bigint * 100000 + (p.day - date '1970-01-01'), st.name, i.local_identifier,
                   coalesce(i.species_name, i.taxon), p.individual_id, p.day, p.fixes, p.first_at, p.last_at, st_linefrommultipoint(p.points)
            from track_piece p
            join track_span s on s.individual_id = p.individual_id and p.day between s.d0 and s.d1
            join individuals i on i.id = p.individual_id
            join studies st on st.id = i.study_id
            where p.fixes >= 2;

            delete from track_seasons t using track_window w
            where t.id = (w.individual_id::bigint * 10000 + w.season_year) * 10000 + w.season_id;
            insert into track_seasons (id, study, individual, taxon, individual_id, season_id, season_year, season, fixes, first_at,
                                       last_at, geom)
            select (l.individual_id::bigint * 10000 + l.season_year) * 10000 + l.season_id, st.name, i.local_identifier,
                   coalesce(i.species_name, i.taxon), l.individual_id, l.season_id, l.season_year, l.season, l.fixes, l.first_at,
                   l.last_at, l.geom
            from (
                select w.individual_id, w.season_id, w.season_year, w.season, sum(p.fixes)::int as fixes, min(p.first_at) as first_at,
                       max(p.last_at) as last_at, st_makeline(array_agg(p.points order by p.day))::geometry(LineString, 4326) as geom
                from track_window w
                join track_piece p on p.individual_id = w.individual_id
                                  and p.day >= (w.starts_at at time zone 'UTC')::date and p.day < (w.ends_at at time zone 'UTC')::date
                where w.whole_days
                group by 1, 2, 3, 4
                union all
                select w.individual_id, w.season_id, w.season_year, w.season, count(*)::int, min(f.observed_at), max(f.observed_at),
                       st_makeline(f.location order by f.observed_at, f.id)::geometry(LineString, 4326)
                from track_window w
                join fixes f on f.individual_id = w.individual_id and f.observed_at >= w.starts_at and f.observed_at < w.ends_at
                where not w.whole_days and f.visible and not f.marked_outlier and not f.speed_outlier
                group by 1, 2, 3, 4) l
            join individuals i on i.id = l.individual_id
            join studies st on st.id = i.study_id
            where l.fixes >= 2;

            drop table track_span, track_window, track_range, track_piece;
        end $$;

        """;

    /// <summary>An edit of <c>seasons</c> moves windows: the season lines of the individuals it can concern (a
    /// default row: every individual; a species' row: that species') are rebuilt, in the editing transaction.</summary>
    public const string SeasonTriggers =
        """
        create function track_seasons_follow_seasons() returns trigger language plpgsql
        as $$
        declare
            changed text[];
            everyone boolean;
            ids integer[];
        begin
            if tg_op = 'INSERT' then
                changed := array(select species from seasons_inserted);
            elsif tg_op = 'DELETE' then
                changed := array(select species from seasons_deleted);
            else
                changed := array(select species from seasons_before union all select species from seasons_after);
            end if;
            if cardinality(changed) = 0 then
                return null;
            end if;
            everyone := array_position(changed, null) is not null;
            ids := array(select id from individuals where everyone or species_name = any(changed));
            delete from track_seasons where individual_id = any(ids);
            perform refresh_track_lines(ids, array_fill('-infinity'::timestamptz, array[cardinality(ids)]),
                                        array_fill('infinity'::timestamptz, array[cardinality(ids)]));
            return null;
        end $$;
        create trigger track_seasons_after_insert after insert on seasons referencing new table as seasons_inserted
            for each statement execute function track_seasons_follow_seasons();
        create trigger track_seasons_after_delete after delete on seasons referencing old table as seasons_deleted
            for each statement execute function track_seasons_follow_seasons();
        create trigger track_seasons_after_update after update on seasons referencing old table as seasons_before new table as seasons_after
            for each statement execute function track_seasons_follow_seasons();

        """;

    /// <summary>The lines of the fixes already stored, once.</summary>
    public const string Fill =
        """
        select refresh_track_lines(array_agg(id), array_fill('-infinity'::timestamptz, array[count(*)::int]),
                                   array_fill('infinity'::timestamptz, array[count(*)::int]))
        from individuals having count(*) > 0;

        """;

    public const string Up = SeasonWindows + Tables + Refresh + SeasonTriggers;

    /// <summary>The tables and functions gone (the migration brings the views back once fixes is one table again).</summary>
    public const string Down =
        """
        drop trigger track_seasons_after_insert on seasons;
        drop trigger track_seasons_after_delete on seasons;
        drop trigger track_seasons_after_update on seasons;
        drop function track_seasons_follow_seasons();
        drop function refresh_track_lines(integer[], timestamptz[], timestamptz[], date[], date[]);
        drop table track_seasons;
        drop table track_days;
        drop function season_windows(text, timestamptz, timestamptz);
        drop function season_day(integer, text, integer);

        """;
}
