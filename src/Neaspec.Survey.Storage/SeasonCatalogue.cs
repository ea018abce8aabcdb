using Neaspec.Survey.Connectivity;
using Npgsql;

namespace Neaspec.Survey.Storage;

/// <summary>The <c>seasons</c> table and the library's one season definition: seeded from
/// <see cref="Season.Defaults"/>, read back as <see cref="Season"/>s.</summary>
public static class SeasonCatalogue
{
    /// <summary>Inserts the default windows that are not in the table yet (by species null and name), so an admin's
    /// edits to a window stay.</summary>
    public static async Task SeedAsync(NpgsqlConnection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        foreach (var season in Season.Defaults)
        {
            await using var cmd = new NpgsqlCommand(
                """
                insert into seasons (species, name, start_md, end_md, time_zone)
                values (null, $1, $2, $3, $4)
                on conflict (species, name) do nothing
                """, connection);
            cmd.Parameters.AddWithValue(season.Name);
            cmd.Parameters.AddWithValue(season.Start);
            cmd.Parameters.AddWithValue(season.End);
            cmd.Parameters.AddWithValue(season.TimeZone);
            await cmd.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Every row of the table as a <see cref="Season"/> (pick a species' with <see cref="Season.For"/>);
    /// rows whose dates or time zone do not parse are skipped.</summary>
    public static async Task<IReadOnlyList<Season>> LoadAsync(NpgsqlConnection connection, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var cmd = new NpgsqlCommand(
            "select name, start_md, end_md, species, time_zone from seasons order by species nulls first, id", connection);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        var seasons = new List<Season>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var window = $"{reader.GetString(1)}..{reader.GetString(2)}";
            var season = Season.Parse(reader.GetString(0), window, reader.IsDBNull(3) ? null : reader.GetString(3), reader.GetString(4), out _);
            if (season is not null)
            {
                seasons.Add(season);
            }
        }
        return seasons;
    }

    /// <summary>
    /// Sets one window: the default one (species null) or a species' own. A species' own rows replace all the
    /// default rows for it (<see cref="Season.For"/>), so when a species gets its first own row, the default windows
    /// are first copied for it: changing its autumn leaves its spring where it was. Returns true when those rows were
    /// copied. One transaction; <see cref="Season.Parse"/> has checked the dates and zone.
    /// </summary>
    public static async Task<bool> SetAsync(NpgsqlConnection connection, Season season, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(season);
        await using var tx = await connection.BeginTransactionAsync(cancellationToken);
        var copied = false;
        if (season.Species is { } species)
        {
            await using var copy = new NpgsqlCommand(
                """
                insert into seasons (species, name, start_md, end_md, time_zone)
                select $1, d.name, d.start_md, d.end_md, d.time_zone from seasons d
                where d.species is null and not exists (select 1 from seasons o where o.species = $1)
                """, connection, tx);
            copy.Parameters.AddWithValue(species);
            copied = await copy.ExecuteNonQueryAsync(cancellationToken) > 0;
        }
        await using var upsert = new NpgsqlCommand(
            """
            insert into seasons (species, name, start_md, end_md, time_zone) values ($1, $2, $3, $4, $5)
            on conflict (species, name) do update set start_md = excluded.start_md, end_md = excluded.end_md, time_zone = excluded.time_zone
            """, connection, tx);
        upsert.Parameters.AddWithValue((object?)season.Species ?? DBNull.Value);
        upsert.Parameters.AddWithValue(season.Name);
        upsert.Parameters.AddWithValue(season.Start);
        upsert.Parameters.AddWithValue(season.End);
        upsert.Parameters.AddWithValue(season.TimeZone);
        await upsert.ExecuteNonQueryAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        return copied;
    }

    /// <summary>Deletes a species' own windows, so the default ones apply to it again; the number of rows deleted.</summary>
    public static async Task<int> ResetAsync(NpgsqlConnection connection, string species, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using var cmd = new NpgsqlCommand("delete from seasons where species = $1", connection);
        cmd.Parameters.AddWithValue(species);
        return await cmd.ExecuteNonQueryAsync(cancellationToken);
    }
}
