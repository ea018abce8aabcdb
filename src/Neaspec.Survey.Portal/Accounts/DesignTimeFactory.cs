using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Npgsql;

namespace Neaspec.Survey.Portal.Accounts;

/// <summary>Lets <c>dotnet ef migrations add --context PortalDbContext</c> build the model without a database.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<PortalDbContext>
{
    public PortalDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PortalDbContext>();
        PortalDbContext.Configure(builder, NpgsqlDataSource.Create("Host=localhost"));
        return new PortalDbContext(builder.Options);
    }
}
