using Neaspec.Survey.Storage;
using Npgsql;

namespace Neaspec.Survey.Sharing.Sensitive;

/// <summary>What admins mark sensitive (CLI <c>neaspec export sensitive</c>, portal Sites and Species pages).</summary>
public static class SensitiveFlags
{
    /// <summary>Marks (or unmarks) the site with <paramref name="code"/> (case ignored). Returns the code as
    /// stored, or null when there is no such site.</summary>
    public static async Task<string?> SetSiteAsync(SurveyDatabase database, string code, bool sensitive, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(code);
        await using var conn = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var cmd = new NpgsqlCommand("update sites set is_sensitive = $2 where upper(code) = upper($1) returning code", conn);
        cmd.Parameters.AddWithValue(code.Trim());
        cmd.Parameters.AddWithValue(sensitive);
        return await cmd.ExecuteScalarAsync(cancellationToken) as string;
    }

    /// <summary>Marks (or unmarks) the species <paramref name="name"/> (scientific name, synonym or common name
    /// in any catalogue language). Returns its scientific name, or null when the catalogue has no such species.</summary>
    public static async Task<string?> SetSpeciesAsync(SurveyDatabase database, string name, bool sensitive, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        var resolver = await SpeciesResolver.LoadAsync(database, cancellationToken);
        if (resolver.Resolve(name) is not { } scientific)
        {
            return null;
        }
        await using var conn = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var cmd = new NpgsqlCommand("update species set is_sensitive = $2 where scientific_name = $1", conn);
        cmd.Parameters.AddWithValue(scientific);
        cmd.Parameters.AddWithValue(sensitive);
        await cmd.ExecuteNonQueryAsync(cancellationToken);
        return scientific;
    }

    /// <summary>The site codes and species marked sensitive, in order.</summary>
    public static async Task<(IReadOnlyList<string> Sites, IReadOnlyList<string> Species)> ListAsync(SurveyDatabase database,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var conn = await database.DataSource.OpenConnectionAsync(cancellationToken);
        return (await ColumnAsync(conn, "select code from sites where is_sensitive order by code", cancellationToken),
            await ColumnAsync(conn, "select scientific_name from species where is_sensitive order by scientific_name", cancellationToken));
    }

    private static async Task<List<string>> ColumnAsync(NpgsqlConnection conn, string sql, CancellationToken cancellationToken)
    {
        var values = new List<string>();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            values.Add(reader.GetString(0));
        }
        return values;
    }
}
