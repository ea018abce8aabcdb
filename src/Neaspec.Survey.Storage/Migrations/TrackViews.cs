namespace Neaspec.Survey.Storage.Migrations;

/// <summary>Track lines for QGIS: one LineString per individual per UTC day, and per individual per
/// season, made from the fixes no quality flag marks. Plain views, so they are never stale after an
/// import; each has a stable bigint <c>id</c> for QGIS and a typed geometry column.</summary>
internal static class TrackViews
{
    /// <summary>Both views as the Tracks migration created them (history: migrations must replay as they ran).
    /// The Seasons migration replaces track_seasons by <see cref="SeasonSql.TrackSeasonsView"/>.</summary>
    public const string Create = DaysView + MonthSeasonsView;

    public const string DaysView =
        """
        create view track_days as
        select t.individual_id::bigint * 100000 + (t.day - date '1970-01-01') as id,
               st.name as study, i.local_identifier as individual, coalesce(i.species_name, i.taxon) as taxon,
               t.individual_id, t.day, t.fixes, t.first_at, t.last_at, t.geom
        from (
            select f.individual_id, (f.observed_at at time zone 'UTC')::date as day, count(*)::int as fixes,
                   min(f.observed_at) as first_at, max(f.observed_at) as last_at,
                   st_makeline(f.location order by f.observed_at)::geometry(LineString, 4326) as geom
            from fixes f
            where f.visible and not f.marked_outlier and not f.speed_outlier
            group by 1, 2
            having count(*) >= 2
        ) t
        join individuals i on i.id = t.individual_id
        join studies st on st.id = i.study_id;

        """;

    /// <summary>The first track_seasons: seasons by a month CASE of its own (winter Dec–Jan, spring Feb–May,
    /// summer Jun–Aug, autumn Sep–Nov, in UTC). Kept only to replay the Tracks migration and to undo Seasons.</summary>
    public const string MonthSeasonsView =
        """
        create view track_seasons as
        select t.individual_id::bigint * 100000 + t.season_year * 10 + t.season_no as id,
               st.name as study, i.local_identifier as individual, coalesce(i.species_name, i.taxon) as taxon,
               t.individual_id, t.season_year, t.season, t.fixes, t.first_at, t.last_at, t.geom
        from (
            select s.individual_id, s.season_year, s.season_no,
                   (array['winter', 'spring', 'summer', 'autumn'])[s.season_no] as season,
                   count(*)::int as fixes, min(s.observed_at) as first_at, max(s.observed_at) as last_at,
                   st_makeline(s.location order by s.observed_at)::geometry(LineString, 4326) as geom
            from (
                select f.individual_id, f.observed_at, f.location,
                       extract(year from f.observed_at at time zone 'UTC')::int
                           + case when extract(month from f.observed_at at time zone 'UTC') = 12 then 1 else 0 end as season_year,
                       case when extract(month from f.observed_at at time zone 'UTC') in (12, 1) then 1
                            when extract(month from f.observed_at at time zone 'UTC') between 2 and 5 then 2
                            when extract(month from f.observed_at at time zone 'UTC') between 6 and 8 then 3
                            else 4 end as season_no
                from fixes f
                where f.visible and not f.marked_outlier and not f.speed_outlier
            ) s
            group by s.individual_id, s.season_year, s.season_no
            having count(*) >= 2
        ) t
        join individuals i on i.id = t.individual_id
        join studies st on st.id = i.study_id;
        """;

    public const string Drop = "drop view if exists track_seasons; drop view if exists track_days;";
}
