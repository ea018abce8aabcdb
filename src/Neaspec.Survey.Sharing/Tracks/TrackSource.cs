using System.Data;
using Npgsql;
using NpgsqlTypes;

namespace Neaspec.Survey.Sharing.Tracks;

/// <summary>
/// Reads the selected tracks back, individual by individual in (study, individual) order and each track in time
/// order through the (individual, time) index, inside one read-only REPEATABLE READ transaction: the same
/// order every time, no sort of all fixes, and memory that holds the list of individuals but never the fixes.
/// With <see cref="TrackSelection.Hourly"/> it keeps the first fix without a quality flag of each UTC hour of
/// each individual, with the number of good fixes of that hour (movepub's hourly subsampling of Movebank data
/// for GBIF; there per animal and tag, here per individual as the analyses count birds).
/// </summary>
internal sealed class TrackSource : IAsyncDisposable
{
    private readonly NpgsqlConnection connection;
    private readonly NpgsqlTransaction transaction;

    private TrackSource(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        this.connection = connection;
        this.transaction = transaction;
    }

    public NpgsqlConnection Connection => connection;

    public static async Task<TrackSource> OpenAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var conn = await dataSource.OpenConnectionAsync(cancellationToken);
        var tx = await conn.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        await using (var readOnly = new NpgsqlCommand("set transaction read only", conn))
        {
            await readOnly.ExecuteNonQueryAsync(cancellationToken);
        }
        return new TrackSource(conn, tx);
    }

    public async Task<List<TrackIndividual>> IndividualsAsync(TrackSelection selection, CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand(
            """
            select i.id, st.name, i.local_identifier, i.taxon, i.species_name, sp.name_en, coalesce(sp.is_sensitive, false)
            from individuals i join studies st on st.id = i.study_id
            left join species sp on sp.scientific_name = i.species_name
            where ($1::text[] is null or i.species_name = any($1)) and ($2::text[] is null or st.name = any($2))
            order by st.name, i.local_identifier
            """, connection);
        cmd.Parameters.Add(TextArray(selection.Filter.Species));
        cmd.Parameters.Add(TextArray(selection.Studies));
        var list = new List<TrackIndividual>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            string? Text(int i) => reader.IsDBNull(i) ? null : reader.GetString(i);
            list.Add(new TrackIndividual(reader.GetInt32(0), reader.GetString(1), reader.GetString(2), Text(3), Text(4), Text(5), reader.GetBoolean(6)));
        }
        return list;
    }

    /// <summary>The fixes of one individual in the selection's window, in time order; with
    /// <see cref="TrackSelection.Hourly"/> the first good fix of each hour and the hour's number of good fixes.</summary>
    public async IAsyncEnumerable<(TrackFix Fix, int FixesInHour)> FixesAsync(TrackIndividual individual, TrackSelection selection,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand(
            """
            select f.observed_at, st_x(f.location), st_y(f.location), f.event_id, f.visible, f.marked_outlier, f.speed_outlier,
                   f.hdop, f.satellite_count, t.local_identifier,
                   nullif(coalesce(f.attributes, '{}'::jsonb) || jsonb_strip_nulls(jsonb_build_object(
                       'ground-speed', f.ground_speed::text, 'heading', f.heading::text,
                       'height-above-ellipsoid', f.height_above_ellipsoid::text,
                       'external-temperature', f.external_temperature::text)), '{}'::jsonb)::text
            from fixes f left join tags t on t.id = f.tag_id
            where f.individual_id = $1
              and ($2::timestamptz is null or f.observed_at >= $2) and ($3::timestamptz is null or f.observed_at < $3)
            order by f.observed_at, f.event_id
            """, connection) { CommandTimeout = 0 }; // a long track of a busy server is no failure; cancellation stops it
        cmd.Parameters.AddWithValue(individual.Id);
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = Start(selection.Filter.From) });
        cmd.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = Start(selection.Filter.To?.AddDays(1)) });
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        TrackFix? first = null;
        var hour = long.MinValue;
        var inHour = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            var fix = new TrackFix(
                reader.GetFieldValue<DateTime>(0), reader.GetDouble(1), reader.GetDouble(2),
                reader.IsDBNull(3) ? null : reader.GetInt64(3), reader.GetBoolean(4), reader.GetBoolean(5), reader.GetBoolean(6),
                reader.IsDBNull(7) ? null : reader.GetFloat(7), reader.IsDBNull(8) ? null : reader.GetInt16(8),
                reader.IsDBNull(9) ? null : reader.GetString(9), reader.IsDBNull(10) ? null : reader.GetString(10));
            if (!selection.Hourly)
            {
                yield return (fix, 1);
                continue;
            }
            if (!fix.IsGood)
            {
                continue;
            }
            var fixHour = fix.ObservedAt.Ticks / TimeSpan.TicksPerHour; // UTC hours: the stored times are UTC
            if (fixHour != hour)
            {
                if (first is not null)
                {
                    yield return (first, inHour);
                }
                first = fix;
                hour = fixHour;
                inHour = 0;
            }
            inHour++;
        }
        if (first is not null)
        {
            yield return (first, inHour);
        }
    }

    /// <summary>The attribute columns (as the files wrote them) of the imports the selected individuals' fixes
    /// came from, in import order and then header order; Movebank's measures that <c>fixes</c> keeps in columns
    /// of their own (ground-speed, heading, height-above-ellipsoid, external-temperature: <see cref="FixesAsync"/>
    /// gives them under these names) after them, when a file's header had them in any spelling.</summary>
    public async Task<List<string>> AttributeColumnsAsync(IReadOnlyList<TrackIndividual> individuals, bool everyIndividual,
        CancellationToken cancellationToken)
    {
        await using var cmd = new NpgsqlCommand(
            """
            select ts.attribute_columns || array(
                       select m from unnest(array['ground-speed', 'heading', 'height-above-ellipsoid', 'external-temperature']) m
                       where m in (select translate(lower(btrim(h)), '_.', '--') from unnest(ts.header) h))
            from track_sources ts
            where $1::int[] is null
               or exists (select 1 from fixes f where f.import_id = ts.import_id and f.individual_id = any($1))
            order by ts.import_id
            """, connection) { CommandTimeout = 0 };
        cmd.Parameters.Add(new NpgsqlParameter
        {
            NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer,
            Value = everyIndividual ? DBNull.Value : individuals.Select(i => i.Id).ToArray(),
        });
        var columns = new List<string>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            foreach (var name in reader.GetFieldValue<string[]>(0))
            {
                if (!columns.Contains(name, StringComparer.Ordinal))
                {
                    columns.Add(name);
                }
            }
        }
        return columns;
    }

    public Task CommitAsync(CancellationToken cancellationToken) => transaction.CommitAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }

    private static object Start(DateOnly? day) =>
        day is { } d ? new DateTime(d, TimeOnly.MinValue, DateTimeKind.Utc) : DBNull.Value;

    private static NpgsqlParameter TextArray(IReadOnlyList<string> values) => new()
    {
        NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text,
        Value = values.Count > 0 ? values.ToArray() : DBNull.Value,
    };
}
