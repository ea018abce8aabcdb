namespace Neaspec.Survey.Storage.Migrations;

/// <summary>
/// The database side of the one season definition: <c>season_of(species, at)</c> says which rows of the
/// <c>seasons</c> table (the species' own, else the defaults) hold an instant, read in each row's time zone, and
/// the season's year (a window across the new year belongs to the year it ends in, as
/// <c>Neaspec.Survey.Connectivity.SeasonWindow</c>). The <c>track_seasons</c> view derives from it; tables kept by the
/// import (issue 15) can call the same function.
/// </summary>
internal static class SeasonSql
{
    public const string SeasonOf =
        """
        create function season_of(p_species text, p_at timestamptz)
        returns table (season_id int, season text, season_year int)
        language sql stable
        as $$
            select s.id, s.name,
                   extract(year from d.day)::int
                       + case when s.start_md > s.end_md and to_char(d.day, 'MM-DD') >= s.start_md then 1 else 0 end
            from seasons s
            cross join lateral (select (p_at at time zone s.time_zone)::date as day) d
            where (s.species = p_species
                   or (s.species is null and not exists (select 1 from seasons o where o.species = p_species)))
              and case when s.start_md <= s.end_md
                       then to_char(d.day, 'MM-DD') between s.start_md and s.end_md
                       else to_char(d.day, 'MM-DD') >= s.start_md or to_char(d.day, 'MM-DD') <= s.end_md end
        $$;
        """;

    public const string TrackSeasonsView =
        """
        create view track_seasons as
        select (t.individual_id::bigint * 10000 + t.season_year) * 10000 + t.season_id as id,
               st.name as study, i.local_identifier as individual, coalesce(i.species_name, i.taxon) as taxon,
               t.individual_id, t.season_year, t.season, t.fixes, t.first_at, t.last_at, t.geom
        from (
            select f.individual_id, so.season_id, so.season, so.season_year,
                   count(*)::int as fixes, min(f.observed_at) as first_at, max(f.observed_at) as last_at,
                   st_makeline(f.location order by f.observed_at)::geometry(LineString, 4326) as geom
            from fixes f
            join individuals fi on fi.id = f.individual_id
            cross join lateral season_of(fi.species_name, f.observed_at) so
            where f.visible and not f.marked_outlier and not f.speed_outlier
            group by f.individual_id, so.season_id, so.season, so.season_year
            having count(*) >= 2
        ) t
        join individuals i on i.id = t.individual_id
        join studies st on st.id = i.study_id;
        """;

    public const string Up = "drop view if exists track_seasons;\n" + SeasonOf + TrackSeasonsView;

    public const string Down = "drop view if exists track_seasons; drop function if exists season_of(text, timestamptz);\n"
        + TrackViews.MonthSeasonsView;
}
