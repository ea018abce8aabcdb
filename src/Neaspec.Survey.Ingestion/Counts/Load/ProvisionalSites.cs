using Neaspec.Survey.Ingestion.Counts.Validate;
using Neaspec.Survey.Ingestion.Sites;
using Npgsql;

namespace Neaspec.Survey.Ingestion.Counts.Load;

/// <summary>Creates the sites a count file names by an unknown code with a point (flagged provisional,
/// linked to the import) and adds them to the directory with their ids.</summary>
internal static class ProvisionalSites
{
    /// <summary>Creates the new sites the file's visits use; returns the codes created.</summary>
    public static async Task<List<string>> CreateAsync(NpgsqlConnection conn, IReadOnlyCollection<CountRow> newSites,
        IEnumerable<CountVisit> visits, SiteDirectory sites, long importId, CancellationToken ct)
    {
        var created = new List<string>();
        var used = visits.Select(v => v.SiteCode).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var row in newSites.Where(r => used.Contains(r.SiteCode)))
        {
            await using var cmd = new NpgsqlCommand(CountSql.InsertProvisionalSite, conn);
            cmd.Parameters.AddWithValue(row.SiteCode);
            cmd.Parameters.AddWithValue(row.SiteName ?? row.SiteCode);
            cmd.Parameters.AddWithValue(row.Country!);
            cmd.Parameters.AddWithValue(row.Longitude!.Value);
            cmd.Parameters.AddWithValue(row.Latitude!.Value);
            cmd.Parameters.AddWithValue(importId);
            if (await cmd.ExecuteScalarAsync(ct) is int id)
            {
                created.Add(row.SiteCode);
            }
            else
            {
                await using var existing = new NpgsqlCommand(CountSql.SiteIdByCode, conn);
                existing.Parameters.AddWithValue(row.SiteCode);
                id = (int)(await existing.ExecuteScalarAsync(ct))!;
            }
            sites.Add(new KnownSite(id, row.SiteCode, row.Longitude.Value, row.Latitude.Value));
        }
        return created;
    }
}
