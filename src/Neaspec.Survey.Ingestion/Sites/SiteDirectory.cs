using Npgsql;

namespace Neaspec.Survey.Ingestion.Sites;

/// <summary>The known sites, by code, with their points: enough to link rows to sites and to notice an
/// unknown code that lies on top of a known site.</summary>
public sealed class SiteDirectory
{
    private readonly Dictionary<string, KnownSite> byCode;

    private SiteDirectory(Dictionary<string, KnownSite> byCode) => this.byCode = byCode;

    public int Count => byCode.Count;

    public static async Task<SiteDirectory> LoadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction = null,
        CancellationToken cancellationToken = default)
    {
        var sites = new Dictionary<string, KnownSite>(StringComparer.OrdinalIgnoreCase);
        await using var cmd = new NpgsqlCommand("select id, code, st_x(location), st_y(location) from sites", connection, transaction);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var site = new KnownSite(reader.GetInt32(0), reader.GetString(1), reader.GetDouble(2), reader.GetDouble(3));
            sites[site.Code] = site;
        }
        return new SiteDirectory(sites);
    }

    public KnownSite? Find(string code) => byCode.GetValueOrDefault(code);

    /// <summary>A site created after the directory was read (a count file's provisional site).</summary>
    public void Add(KnownSite site)
    {
        ArgumentNullException.ThrowIfNull(site);
        byCode[site.Code] = site;
    }

    /// <summary>The nearest known site within <paramref name="maxMeters"/> of a point, if any.</summary>
    public (KnownSite Site, double Meters)? Nearest(double lat, double lon, double maxMeters)
    {
        (KnownSite, double)? best = null;
        foreach (var site in byCode.Values)
        {
            var d = Geodesy.HaversineMeters(lat, lon, site.Latitude, site.Longitude);
            if (d <= maxMeters && (best is null || d < best.Value.Item2))
            {
                best = (site, d);
            }
        }
        return best;
    }
}
