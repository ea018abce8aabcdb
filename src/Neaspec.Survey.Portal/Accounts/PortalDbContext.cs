using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Neaspec.Survey.Portal.Uploads;

namespace Neaspec.Survey.Portal.Accounts;

/// <summary>The portal's own tables, in schema <c>portal</c> of the survey database, with their own
/// migrations and history table so they never collide with the survey schema's migrations.</summary>
public sealed class PortalDbContext(DbContextOptions<PortalDbContext> options) : IdentityDbContext<PortalUser>(options)
{
    public const string Schema = "portal";
    public const string MigrationsHistoryTable = "__portal_migrations";

    public DbSet<Upload> Uploads => Set<Upload>();

    /// <summary>The provider options every PortalDbContext uses (application, CLI, design time).</summary>
    public static void Configure(DbContextOptionsBuilder builder, Npgsql.NpgsqlDataSource dataSource)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseNpgsql(dataSource, b => b.MigrationsHistoryTable(MigrationsHistoryTable, Schema))
            .UseSnakeCaseNamingConvention();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        base.OnModelCreating(builder);
        builder.HasDefaultSchema(Schema);
        builder.Entity<PortalUser>(e =>
        {
            e.ToTable("users");
            e.Property(u => u.Team).HasMaxLength(200);
        });
        builder.Entity<IdentityRole>().ToTable("roles");
        builder.Entity<IdentityUserRole<string>>().ToTable("user_roles");
        builder.Entity<IdentityUserClaim<string>>().ToTable("user_claims");
        builder.Entity<IdentityUserLogin<string>>().ToTable("user_logins");
        builder.Entity<IdentityUserToken<string>>().ToTable("user_tokens");
        builder.Entity<IdentityRoleClaim<string>>().ToTable("role_claims");

        builder.Entity<Upload>(e =>
        {
            e.ToTable("uploads");
            e.Property(u => u.Sha256).HasMaxLength(64).IsFixedLength();
            e.HasIndex(u => u.UserId);
            e.HasIndex(u => u.Team);
            e.HasIndex(u => u.UploadedAt);
            e.HasIndex(u => u.ImportId);
        });
    }
}
