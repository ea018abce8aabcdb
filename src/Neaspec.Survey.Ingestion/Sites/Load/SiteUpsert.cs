using Neaspec.Survey.Ingestion.Sites.Validate;
using Npgsql;

namespace Neaspec.Survey.Ingestion.Sites.Load;

/// <summary>Upserts sites by code. A provisional site (one a count file created) named in a sites file
/// becomes a confirmed one; an area the file does not give is kept.</summary>
internal static class SiteUpsert
{
    private const string UpsertSql =
        """
        insert into sites (code, name_en, name_zh, name_ja, name_ko, name_ru, name_mn, country_code, location, area,
                           is_provisional, created_by_import_id)
        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, false, $11)
        on conflict (code) do update set name_en = excluded.name_en, name_zh = excluded.name_zh,
            name_ja = excluded.name_ja, name_ko = excluded.name_ko, name_ru = excluded.name_ru,
            name_mn = excluded.name_mn, country_code = excluded.country_code, location = excluded.location,
            area = coalesce(excluded.area, sites.area), is_provisional = false
        returning (xmax = 0)
        """;

    public static async Task<(int Inserted, int Updated)> RunAsync(NpgsqlConnection conn, IEnumerable<SiteRecord> sites, long importId,
        CancellationToken ct)
    {
        int inserted = 0, updated = 0;
        foreach (var s in sites)
        {
            await using var cmd = new NpgsqlCommand(UpsertSql, conn);
            cmd.Parameters.AddWithValue(s.Code);
            cmd.Parameters.AddWithValue(s.NameEn);
            foreach (var language in SiteValues.Languages)
            {
                cmd.Parameters.AddWithValue((object?)s.Names.GetValueOrDefault(language) ?? DBNull.Value);
            }
            cmd.Parameters.AddWithValue(s.Country);
            cmd.Parameters.AddWithValue(s.Location);
            cmd.Parameters.AddWithValue((object?)s.Area ?? DBNull.Value);
            cmd.Parameters.AddWithValue(importId);
            // xmax = 0 on the returned row: it was inserted, not updated.
            if (await cmd.ExecuteScalarAsync(ct) is true)
            {
                inserted++;
            }
            else
            {
                updated++;
            }
        }
        return (inserted, updated);
    }
}
