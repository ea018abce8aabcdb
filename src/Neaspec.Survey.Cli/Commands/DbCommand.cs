using System.CommandLine;
using Npgsql;

namespace Neaspec.Survey.Cli.Commands;

internal static class DbCommand
{
    public static Command Create()
    {
        var up = new Command("up", "Create the database if it does not exist, enable PostGIS and apply migrations");
        up.SetAction((parseResult, ct) => Cli.RunAsync(async () =>
        {
            await using var database = Cli.OpenDatabase(parseResult);
            await EnsureDatabaseAsync(database.ConnectionString, ct);
            await database.MigrateAsync(ct);
            Console.WriteLine("database is up to date");
            return 0;
        }));

        var migrate = new Command("migrate", "Apply pending migrations to an existing database");
        migrate.SetAction((parseResult, ct) => Cli.RunAsync(async () =>
        {
            await using var database = Cli.OpenDatabase(parseResult);
            await database.MigrateAsync(ct);
            Console.WriteLine("database is up to date");
            return 0;
        }));

        return new Command("db", "Database set-up") { up, migrate };
    }

    /// <summary>Creates the target database through the maintenance database when it is missing.</summary>
    internal static async Task EnsureDatabaseAsync(string connectionString, CancellationToken ct)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var name = target.Database ?? throw new Storage.SettingsException("the connection string names no Database");
        var admin = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using var conn = new NpgsqlConnection(admin.ConnectionString);
        await conn.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = $1", conn) { Parameters = { new() { Value = name } } };
        if (await exists.ExecuteScalarAsync(ct) is null)
        {
            await using var create = new NpgsqlCommand($"create database \"{name.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", conn);
            await create.ExecuteNonQueryAsync(ct);
        }
    }
}
