using Neaspec.Survey.Ingestion.Tracks.Read;
using Neaspec.Survey.Ingestion.Tracks.Validate;
using Npgsql;
using NpgsqlTypes;

namespace Neaspec.Survey.Ingestion.Tracks.Load;

/// <summary>Finish: the individuals' catalogue species, the deployments of the reference data, and what the
/// file was (its header, attribute columns, rows that are no fixes) in <c>track_sources</c>.</summary>
internal static class TrackFinish
{
    /// <summary>Returns the individuals whose catalogue species this load set (their season lines may move).</summary>
    public static async Task<int[]> RunAsync(NpgsqlConnection conn, long importId, TrackStudy study, TrackInput input, TrackRowCounts counts,
        StoredFixes stored, DeploymentReference? reference, CancellationToken ct)
    {
        var speciesSet = new List<int>();
        await using (var species = new NpgsqlCommand(TrackSql.Species, conn) { Parameters = { new() { Value = stored.IndividualIds } } })
        {
            await using var r = await species.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                speciesSet.Add(r.GetInt32(0));
            }
        }
        if (reference is not null)
        {
            await WriteDeploymentsAsync(conn, importId, study.Name, reference, ct);
        }
        await using var source = new NpgsqlCommand(TrackSql.InsertTrackSource, conn);
        source.Parameters.AddWithValue(importId);
        source.Parameters.AddWithValue(input.Header.Names.ToArray());
        source.Parameters.AddWithValue(input.Header.Attributes.Select(a => a.Name).ToArray());
        source.Parameters.AddWithValue(counts.NoFix);
        source.Parameters.AddWithValue(counts.NonLocation);
        source.Parameters.AddWithValue(stored.SpeedFlagged);
        await source.ExecuteNonQueryAsync(ct);
        return [.. speciesSet];
    }

    private static async Task WriteDeploymentsAsync(NpgsqlConnection conn, long importId, string study, DeploymentReference reference,
        CancellationToken ct)
    {
        foreach (var d in reference.Rows)
        {
            await using var cmd = new NpgsqlCommand(TrackSql.InsertDeployment, conn);
            cmd.Parameters.AddWithValue(study);
            cmd.Parameters.AddWithValue(d.Tag);
            cmd.Parameters.AddWithValue(d.Animal);
            cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = (object?)d.DeployOn ?? DBNull.Value });
            cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = (object?)d.DeployOff ?? DBNull.Value });
            cmd.Parameters.AddWithValue(importId);
            await cmd.ExecuteNonQueryAsync(ct);
        }
    }
}
