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
}
