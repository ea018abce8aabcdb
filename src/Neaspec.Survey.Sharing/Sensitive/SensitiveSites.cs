using NetTopologySuite.Geometries;
using Npgsql;

namespace Neaspec.Survey.Sharing.Sensitive;

/// <summary>
/// The sites whose location every export generalises, and why: the site is marked sensitive, or a sensitive
/// species was counted there (more than 0) in any survey of the database. The second reason looks at the whole
/// database, not at one export's selection: a site generalised in an export of one species but exact in an
/// export of another would give its location away, and its other surveys in the same archive would too.
/// </summary>
public static class SensitiveSites
{
    public const string MarkedReason = "site marked sensitive";
    public const string SpeciesReason = "a sensitive species recorded at the site";

    /// <summary>Site id -> reason, for every site to generalise. Runs in the caller's transaction.</summary>
    public static async Task<Dictionary<int, string>> LoadReasonsAsync(NpgsqlConnection connection, CancellationToken cancellationToken = default)
    {
        var reasons = new Dictionary<int, string>();
        await using (var marked = new NpgsqlCommand("select id from sites where is_sensitive", connection))
        await using (var reader = await marked.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                reasons[reader.GetInt32(0)] = MarkedReason;
            }
        }
        var species = await SensitiveSpeciesAsync(connection, cancellationToken);
        if (species.Count == 0)
        {
            return reasons;
        }
        await using var cmd = new NpgsqlCommand(
            """
            select distinct v.site_id
            from counts c join surveys v on v.id = c.survey_id
            where c.species_name = any($1) and c.individuals > 0
            """, connection) { CommandTimeout = 0 }; // a scan of every count
        cmd.Parameters.AddWithValue(species.ToArray());
        await using (var reader = await cmd.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                reasons.TryAdd(reader.GetInt32(0), SpeciesReason);
            }
        }
        return reasons;
    }

    /// <summary>The scientific names of the species marked sensitive.</summary>
    public static async Task<HashSet<string>> SensitiveSpeciesAsync(NpgsqlConnection connection, CancellationToken cancellationToken = default)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        await using var cmd = new NpgsqlCommand("select scientific_name from species where is_sensitive", connection);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            names.Add(reader.GetString(0));
        }
        return names;
    }

    /// <summary>Where the sensitive sites are (point and optional area), for telling whether a GPS fix lies
    /// at one of them.</summary>
    public static async Task<List<(Point Point, Geometry? Area)>> LoadPlacesAsync(NpgsqlConnection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var ids = await LoadReasonsAsync(connection, cancellationToken);
        var places = new List<(Point, Geometry?)>();
        if (ids.Count == 0)
        {
            return places;
        }
        await using var cmd = new NpgsqlCommand("select location, area from sites where id = any($1)", connection);
        cmd.Parameters.AddWithValue(ids.Keys.ToArray());
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            places.Add((reader.GetFieldValue<Point>(0), reader.IsDBNull(1) ? null : reader.GetFieldValue<Geometry>(1)));
        }
        return places;
    }
}
