namespace Neaspec.Survey.Storage;

/// <summary>Integrity of counts without per-row foreign-key triggers: the parents (surveys, species,
/// imports) are guarded when they change, which is rare, instead of on every inserted count, which is
/// the hot path. Statement-level triggers with transition tables check a whole delete at once.</summary>
public static class CountGuards
{
    public const string Create = """
        create or replace function neaspec_counts_follow_surveys() returns trigger language plpgsql as $$
        begin
            delete from counts c using gone g where c.survey_id = g.id;
            return null;
        end $$;
        create trigger tr_surveys_delete_counts after delete on surveys
            referencing old table as gone for each statement execute function neaspec_counts_follow_surveys();

        create or replace function neaspec_species_in_use() returns trigger language plpgsql as $$
        begin
            if exists (select 1 from counts c join gone g on c.species_name = g.scientific_name) then
                raise exception 'species still has counts; merge them into another species first'
                    using errcode = 'foreign_key_violation';
            end if;
            return null;
        end $$;
        create trigger tr_species_delete_guard after delete on species
            referencing old table as gone for each statement execute function neaspec_species_in_use();

        create or replace function neaspec_species_rename_guard() returns trigger language plpgsql as $$
        begin
            if new.scientific_name <> old.scientific_name
               and exists (select 1 from counts where species_name = old.scientific_name) then
                raise exception 'species % still has counts; add the new name as a synonym instead', old.scientific_name
                    using errcode = 'foreign_key_violation';
            end if;
            return new;
        end $$;
        create trigger tr_species_rename_guard before update of scientific_name on species
            for each row execute function neaspec_species_rename_guard();

        create or replace function neaspec_imports_in_use() returns trigger language plpgsql as $$
        begin
            if exists (select 1 from counts c join gone g on c.import_id = g.id) then
                raise exception 'import still has counts' using errcode = 'foreign_key_violation';
            end if;
            return null;
        end $$;
        create trigger tr_imports_delete_guard after delete on imports
            referencing old table as gone for each statement execute function neaspec_imports_in_use();
        """;

    public const string Drop = """
        drop trigger if exists tr_surveys_delete_counts on surveys;
        drop trigger if exists tr_species_delete_guard on species;
        drop trigger if exists tr_species_rename_guard on species;
        drop trigger if exists tr_imports_delete_guard on imports;
        drop function if exists neaspec_counts_follow_surveys();
        drop function if exists neaspec_species_in_use();
        drop function if exists neaspec_species_rename_guard();
        drop function if exists neaspec_imports_in_use();
        """;
}
