using Neaspec.Survey.Ingestion.Tracks.Read;
using Neaspec.Survey.Ingestion.Tracks.Validate;
using Npgsql;
using NpgsqlTypes;

namespace Neaspec.Survey.Ingestion.Tracks.Load;

/// <summary>Finish: the individuals' catalogue species, the deployments of the reference data, and what the
/// file was (its header, attribute columns, rows that are no fixes) in <c>track_sources</c>.</summary>
internal static class TrackFinish
{
    public static async Task RunAsync(NpgsqlConnection conn, long importId, TrackStudy study, TrackInput input, TrackRowCounts counts,
        StoredFixes stored, DeploymentReference? reference, CancellationToken ct)
    {
        await using (var species = new NpgsqlCommand(TrackSql.Species, conn) { Parameters = { new() { Value = stored.IndividualIds } } })
        {
            await species.ExecuteNonQueryAsync(ct);
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
