using Neaspec.Survey.Storage;
using Npgsql;

namespace Neaspec.Survey.Testing;

/// <summary>A throwaway database on the real local PostGIS, copied from a per-run template that holds
/// PostGIS and the migrations. Use as a class fixture: each test class gets its own database, so classes
/// run in parallel without seeing each other's rows. Fails (never skips) when PostGIS is not reachable.</summary>
public sealed class PostgisDatabase : IAsyncLifetime, IAsyncDisposable
{
    private static readonly SemaphoreSlim TemplateGate = new(1, 1);
    private static string? templateName;

    public string Name { get; } = $"neaspec_t_{Guid.NewGuid():N}";

    public string ConnectionString => Server(Name);

    public SurveyDatabase Database { get; private set; } = null!;

    /// <summary>The cluster the tests use: NEASPEC_TEST_CONNECTION, else the one scripts/postgis starts.</summary>
    public static string Server(string database)
    {
        var baseline = Environment.GetEnvironmentVariable("NEASPEC_TEST_CONNECTION")
            ?? "Host=127.0.0.1;Port=55432;Username=neaspec;Database=postgres";
        return new NpgsqlConnectionStringBuilder(baseline) { Database = database, IncludeErrorDetail = true }.ConnectionString;
    }

    /// <summary>A database of its own for one test (dispose it at the end of the test).</summary>
    public static async Task<PostgisDatabase> CreateAsync()
    {
        var db = new PostgisDatabase();
        await db.InitializeAsync();
        return db;
    }

    /// <summary>A database of its own with nothing in it, not even PostGIS: for tests that migrate step by
    /// step, such as a database upgraded from an older schema (dispose it at the end of the test).</summary>
    public static async Task<PostgisDatabase> CreateEmptyAsync()
    {
        var db = new PostgisDatabase();
        await ExecuteOnServerAsync($"create database {db.Name}");
        db.Database = new SurveyDatabase(db.ConnectionString);
        return db;
    }

    public async Task InitializeAsync()
    {
        var template = await EnsureTemplateAsync();
        await ExecuteOnServerAsync($"create database {Name} template {template}");
        Database = new SurveyDatabase(ConnectionString);
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();

    public async Task DisposeAsync()
    {
        await Database.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await ExecuteOnServerAsync($"drop database if exists {Name} with (force)");
    }

    private static async Task<string> EnsureTemplateAsync()
    {
        await TemplateGate.WaitAsync();
        try
        {
            if (templateName is not null)
            {
                return templateName;
            }
            var name = $"neaspec_tpl_{Environment.ProcessId}_{Guid.NewGuid():N}"[..40];
            await ExecuteOnServerAsync($"create database {name}");
            await using (var db = new SurveyDatabase(Server(name)))
            {
                await db.MigrateAsync();
            }
            NpgsqlConnection.ClearAllPools();
            AppDomain.CurrentDomain.ProcessExit += (_, _) =>
                ExecuteOnServerAsync($"drop database if exists {name} with (force)").GetAwaiter().GetResult();
            templateName = name;
            return name;
        }
        finally
        {
            TemplateGate.Release();
        }
    }

    private static async Task ExecuteOnServerAsync(string sql)
    {
        try
        {
            await using var conn = new NpgsqlConnection(Server("postgres") + ";Pooling=false");
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand(sql, conn);
            await cmd.ExecuteNonQueryAsync();
        }
        catch (NpgsqlException ex) when (ex is not PostgresException)
        {
            throw new InvalidOperationException(
                $"The tests need the local PostGIS: run scripts/postgis start (or set NEASPEC_TEST_CONNECTION). {ex.Message}", ex);
        }
    }

    /// <summary>Runs statements on the test database.</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var conn = await Database.DataSource.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>Runs a scalar query on the test database.</summary>
    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var conn = await Database.DataSource.OpenConnectionAsync();
        await using var cmd = new NpgsqlCommand(sql, conn);
        var value = await cmd.ExecuteScalarAsync();
        return (T)Convert.ChangeType(value!, typeof(T), System.Globalization.CultureInfo.InvariantCulture);
    }
}
