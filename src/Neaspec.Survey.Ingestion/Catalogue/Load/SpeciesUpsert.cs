using Neaspec.Survey.Storage.Model;
using Neaspec.Survey.Storage.Names;
using Npgsql;

namespace Neaspec.Survey.Ingestion.Catalogue.Load;

/// <summary>Writes validated species changes: adds a species or updates its rank and flag, adds synonyms, and adds
/// names. Nothing is ever taken away: the first name of a language becomes its preferred name, and a preferred name it
/// replaces stays as another name of the species, so every sheet that loaded before still loads.</summary>
public static class SpeciesUpsert
{
    // A new species always has a rank (the validator sees to it); the coalesce only lets the insert half of the
    // statement be checked for an existing species whose file row left the rank blank.
    private const string SpeciesSql =
        """
        insert into species (scientific_name, taxon_rank, is_flagship, synonyms) values ($1, coalesce($2, 'species'), coalesce($3, false), '{}')
        on conflict (scientific_name) do update
            set taxon_rank = coalesce($2, species.taxon_rank), is_flagship = coalesce($3, species.is_flagship)
        returning (xmax = 0)
        """;

    // Synonyms not there yet, in the file's order.
    private const string SynonymsSql =
        """
        update species set synonyms = synonyms || array(select s from unnest($2::text[]) with ordinality u(s, i)
                                                        where s <> all(synonyms) order by i)
        where scientific_name = $1
        """;

    private const string OtherNameSql =
        """
        insert into species_names (scientific_name, language, name, import_id) values ($1, $2, $3, $4)
        on conflict (scientific_name, language, name) do nothing
        """;

    private const string DropOtherNameSql = "delete from species_names where scientific_name = $1 and language = $2 and name = $3";

    /// <summary>Writes <paramref name="changes"/> in order on <paramref name="connection"/> (inside the caller's
    /// transaction). <paramref name="importId"/>: the ledger entry the names came with, or null (the portal's form).</summary>
    public static async Task<(int Added, int Updated, int NamesAdded)> RunAsync(NpgsqlConnection connection,
        IEnumerable<SpeciesChange> changes, long? importId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(changes);
        int added = 0, updated = 0, names = 0;
        foreach (var change in changes)
        {
            var inserted = await ScalarAsync<bool>(connection, SpeciesSql, cancellationToken,
                change.ScientificName, (object?)change.Rank ?? DBNull.Value, (object?)change.IsFlagship ?? DBNull.Value);
            (added, updated) = inserted ? (added + 1, updated) : (added, updated + 1);
            var synonyms = change.Entry.Synonyms.Select(s => s.Value).Distinct(StringComparer.Ordinal).ToArray();
            if (synonyms.Length > 0)
            {
                await ExecuteAsync(connection, SynonymsSql, cancellationToken, change.ScientificName, synonyms);
            }
            var known = await NamesAsync(connection, change.ScientificName, cancellationToken);
            foreach (var name in change.Entry.Names)
            {
                var isNew = name.Preferred
                    ? await PreferAsync(connection, change.ScientificName, name.Language, name.Name.Value, known, importId, cancellationToken)
                    : await AddOtherAsync(connection, change.ScientificName, name.Language, name.Name.Value, known, importId, cancellationToken);
                names += isNew ? 1 : 0;
            }
        }
        return (added, updated, names);
    }

    /// <summary>The names the species has now, per language, by exact key (<see cref="NameKey.Exact"/>): the preferred
    /// name and the others.</summary>
    private static async Task<Dictionary<(string Language, string Key), string>> NamesAsync(NpgsqlConnection connection, string scientific,
        CancellationToken cancellationToken)
    {
        var names = new Dictionary<(string, string), string>();
        await using var cmd = new NpgsqlCommand(
            $"""
            select l.language, l.name from species s,
                unnest(array[{string.Join(", ", NameLanguage.All.Select(l => $"'{l}'"))}], array[{string.Join(", ", NameLanguage.Columns)}]) l(language, name)
            where s.scientific_name = $1 and l.name is not null
            union all
            select language, name from species_names where scientific_name = $1
            """, connection);
        cmd.Parameters.AddWithValue(scientific);
        await using var reader = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            names.TryAdd((reader.GetString(0), NameKey.Exact(reader.GetString(1))), reader.GetString(1));
        }
        return names;
    }

    /// <summary>Makes <paramref name="name"/> the preferred name of its language; the name it replaces becomes another
    /// name, unless the two differ only in case or spacing (a corrected spelling). Returns whether the name is new to
    /// the species.</summary>
    private static async Task<bool> PreferAsync(NpgsqlConnection connection, string scientific, string language, string name,
        Dictionary<(string, string), string> known, long? importId, CancellationToken cancellationToken)
    {
        var column = NameLanguage.Column(language);
        var old = await ScalarAsync<string?>(connection, $"select {column} from species where scientific_name = $1", cancellationToken, scientific);
        if (old == name)
        {
            return false;
        }
        await ExecuteAsync(connection, $"update species set {column} = $2 where scientific_name = $1", cancellationToken, scientific, name);
        await ExecuteAsync(connection, DropOtherNameSql, cancellationToken, scientific, language, name);
        if (old is not null && NameKey.Exact(old) != NameKey.Exact(name))
        {
            await ExecuteAsync(connection, OtherNameSql, cancellationToken, scientific, language, old, (object?)importId ?? DBNull.Value);
        }
        return known.TryAdd((language, NameKey.Exact(name)), name);
    }

    /// <summary>Adds <paramref name="name"/> as another name of its language, unless the species has it already (in
    /// any case or spacing). Returns whether it was added.</summary>
    private static async Task<bool> AddOtherAsync(NpgsqlConnection connection, string scientific, string language, string name,
        Dictionary<(string, string), string> known, long? importId, CancellationToken cancellationToken)
    {
        if (!known.TryAdd((language, NameKey.Exact(name)), name))
        {
            return false;
        }
        await ExecuteAsync(connection, OtherNameSql, cancellationToken, scientific, language, name, (object?)importId ?? DBNull.Value);
        return true;
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object[] values)
    {
        await using var cmd = Command(connection, sql, values);
        return await cmd.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, params object[] values)
    {
        await using var cmd = Command(connection, sql, values);
        return await cmd.ExecuteScalarAsync(cancellationToken) is T value ? value : default!;
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, object[] values)
    {
        var cmd = new NpgsqlCommand(sql, connection);
        foreach (var value in values)
        {
            cmd.Parameters.AddWithValue(value);
        }
        return cmd;
    }
}
