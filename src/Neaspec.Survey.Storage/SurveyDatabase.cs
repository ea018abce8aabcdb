using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Neaspec.Survey.Storage;

/// <summary>The one way into the database: an Npgsql data source with NetTopologySuite mapping (for
/// binary COPY of points) and EF contexts built on that same data source.</summary>
public sealed class SurveyDatabase : IAsyncDisposable
{
    public SurveyDatabase(string connectionString)
    {
        ConnectionString = connectionString;
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        builder.UseNetTopologySuite();
        DataSource = builder.Build();
        var unpooled = new NpgsqlDataSourceBuilder(connectionString);
        unpooled.ConnectionStringBuilder.Pooling = false;
        unpooled.UseNetTopologySuite();
        SessionDataSource = unpooled.Build();
    }

    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    /// <summary>Connections whose session ends when they are disposed (no pool), for work that holds
    /// session state such as advisory locks: the lock must go when the holder goes.</summary>
    public NpgsqlDataSource SessionDataSource { get; }

    public SurveyDbContext CreateContext()
    {
        var options = new DbContextOptionsBuilder<SurveyDbContext>()
            .UseNpgsql(DataSource, o => o.UseNetTopologySuite())
            .UseSnakeCaseNamingConvention()
            .Options;
        return new SurveyDbContext(options);
    }

    /// <summary>Applies pending EF Core migrations (creates the PostGIS extension first) and adds the
    /// catalogue's species, the default season windows and the seeded population estimates that are missing. Rows already present are left as an
    /// admin edited them.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using (var db = CreateContext())
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        // Types created by the migration (e.g. postgis) must be visible to pooled connections.
        await using var conn = await DataSource.OpenConnectionAsync(cancellationToken);
        await conn.ReloadTypesAsync(cancellationToken);
        await SpeciesCatalogue.SeedAsync(conn, cancellationToken);
        await SeasonCatalogue.SeedAsync(conn, cancellationToken);
        await PopulationEstimateCatalogue.SeedAsync(conn, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await SessionDataSource.DisposeAsync();
    }
}
