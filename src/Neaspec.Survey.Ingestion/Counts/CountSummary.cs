using Neaspec.Survey.Storage;
using Npgsql;

namespace Neaspec.Survey.Ingestion.Counts;

public static class CountSummary
{
    public static async Task<List<CountSummaryRow>> QueryAsync(SurveyDatabase database, string? species, DateOnly? from,
        DateOnly? to, string? country, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var conn = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var cmd = new NpgsqlCommand(
            """
            select s.country_code, s.code, s.name_en, c.species_name, count(*), sum(c.individuals)
            from counts c
            join surveys v on v.id = c.survey_id
            join sites s on s.id = v.site_id
            where c.individuals is not null
              and ($1::text is null or c.species_name = $1)
              and ($2::date is null or v.survey_date >= $2)
              and ($3::date is null or v.survey_date <= $3)
              and ($4::text is null or s.country_code = $4)
            group by s.country_code, s.code, s.name_en, c.species_name
            order by s.country_code, s.code, c.species_name
            """, conn);
        cmd.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.Text, (object?)species ?? DBNull.Value);
        cmd.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.Date, from is { } f ? f : DBNull.Value);
        cmd.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.Date, to is { } t ? t : DBNull.Value);
        cmd.Parameters.AddWithValue(NpgsqlTypes.NpgsqlDbType.Text, (object?)country ?? DBNull.Value);
        var rows = new List<CountSummaryRow>();
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(new CountSummaryRow(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3),
                reader.GetInt64(4), reader.GetInt64(5)));
        }
        return rows;
    }
}
