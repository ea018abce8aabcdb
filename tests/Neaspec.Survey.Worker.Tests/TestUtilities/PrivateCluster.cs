using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Neaspec.Survey.Storage;
using Npgsql;

namespace Neaspec.Survey.Worker.Tests.TestUtilities;

/// <summary>A PostgreSQL + PostGIS cluster of the test class's own (scripts/postgis with a temp data folder
/// and a free port), for tests that stop the server: the shared test cluster must never be stopped,
/// other test classes use it in parallel.</summary>
public sealed class PrivateCluster : IAsyncLifetime
{
    private const string BinDir = "/usr/lib/postgresql/15/bin";

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), $"neaspec-pg-{Guid.NewGuid():N}");

    public int Port { get; } = FreePort();

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=neaspec;Database={database};Include Error Detail=true;Timeout=5";

    public async Task InitializeAsync() => await StartAsync();

    /// <summary>Starts the cluster (creates it the first time).</summary>
    public Task StartAsync() => RunAsync("bash", Path.Combine(TestFiles.RepoRoot(), "scripts", "postgis"), "start");

    /// <summary>Kills the server the way a crash or a power cut would: no shutdown checkpoint, every
    /// session cut at once.</summary>
    public Task KillAsync() => AsOwnerAsync(Path.Combine(BinDir, "pg_ctl"), "-D", DataDirectory, "-m", "immediate", "-w", "stop");

    /// <summary>A new, migrated database on this cluster.</summary>
    public async Task<SurveyDatabase> CreateDatabaseAsync(string name)
    {
        await using (var conn = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false"))
        {
            await conn.OpenAsync();
            await using var cmd = new NpgsqlCommand($"create database {name}", conn);
            await cmd.ExecuteNonQueryAsync();
        }
        var database = new SurveyDatabase(ConnectionString(name));
        await database.MigrateAsync();
        return database;
    }

    public async Task DisposeAsync()
    {
        try
        {
            await KillAsync();
        }
        finally
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }

    private Task AsOwnerAsync(string program, params string[] args) =>
        Environment.UserName == "root" ? RunAsync("runuser", ["-u", "postgres", "--", program, .. args]) : RunAsync(program, args);

    private async Task RunAsync(string program, params string[] args)
    {
        var psi = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }
        psi.Environment["NEASPEC_PGDATA"] = DataDirectory;
        psi.Environment["NEASPEC_PGPORT"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited {process.ExitCode}: {await stderr}{await stdout}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
