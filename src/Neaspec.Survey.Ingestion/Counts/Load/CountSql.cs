using System.Globalization;

namespace Neaspec.Survey.Ingestion.Counts.Load;

/// <summary>The statements of the count load, in the order it runs them. Temporary tables are not
/// WAL-logged and vanish with the transaction.</summary>
internal static class CountSql
{
    public const string CreateStagingCounts =
        """
        create temp table staging_counts (
            visit int not null, species text not null, individuals int, count_type text,
            not_counted_reason text, notes text, line int not null) on commit drop
        """;

    public const string CopyStagingCounts =
        "copy staging_counts (visit, species, individuals, count_type, not_counted_reason, notes, line) from stdin (format binary)";

    // Another import may have created the code since this one read the sites: then its id is taken.
    public const string InsertProvisionalSite =
        """
        insert into sites (code, name_en, country_code, location, is_provisional, created_by_import_id)
        values ($1, $2, $3, st_setsrid(st_makepoint($4, $5), 4326), true, $6)
        on conflict (code) do nothing
        returning id
        """;

    public const string SiteIdByCode = "select id from sites where code = $1";

    public const string CreateStagingVisits =
        """
        create temp table staging_visits (
            visit int not null, site_id int not null, survey_date date not null, survey_time time,
            method text, observer text) on commit drop
        """;

    public const string CopyStagingVisits =
        "copy staging_visits (visit, site_id, survey_date, survey_time, method, observer) from stdin (format binary)";

    public const string AnalyzeVisitSurveys = "analyze visit_surveys";

    public const string CountVisitSurveys = "select count(*) from visit_surveys";

    /// <summary>Surveys are upserted by (site, date, time); visit_surveys maps the file's visits to their
    /// survey ids. A CREATE TABLE AS takes no bind parameters, so the import id (a number) is inlined.</summary>
    public static string UpsertSurveys(long importId) => string.Create(CultureInfo.InvariantCulture,
        $"""
        create temp table visit_surveys on commit drop as
        with upserted as (
            insert into surveys (site_id, survey_date, survey_time, method, observer, import_id)
            select site_id, survey_date, survey_time, method, observer, {importId} from staging_visits
            on conflict (site_id, survey_date, survey_time) do update
            set method = coalesce(excluded.method, surveys.method),
                observer = coalesce(excluded.observer, surveys.observer),
                import_id = excluded.import_id
            returning id, site_id, survey_date, survey_time)
        select v.visit, u.id as survey_id
        from upserted u
        join staging_visits v on v.site_id = u.site_id and v.survey_date = u.survey_date
             and coalesce(v.survey_time, time '24:00') = coalesce(u.survey_time, time '24:00')
        """);

    // The counts of those surveys for the species this file covers are replaced by the file's: a corrected
    // file wins; counts of other species (another team's file for the same visit) stay.
    public const string DeleteReplacedCounts =
        "delete from counts c using visit_surveys v where c.survey_id = v.survey_id and c.species_name = any($1)";

    public const string InsertCounts =
        """
        insert into counts (survey_id, species_name, individuals, count_type, not_counted_reason, notes, import_id, source_line)
        select v.survey_id, c.species, c.individuals, c.count_type, c.not_counted_reason, c.notes, $1, c.line
        from staging_counts c join visit_surveys v using (visit)
        """;
}
