using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Neaspec.Survey.Ingestion.Import;
using Neaspec.Survey.Portal.Accounts;
using Neaspec.Survey.Portal.Uploads;
using Neaspec.Survey.Sharing;
using Neaspec.Survey.Storage;

namespace Neaspec.Survey.Portal;

/// <summary>Builds and starts the portal: the same settings chain as the CLI (appsettings.json, then
/// <c>NEASPEC_</c> environment, then overrides), Identity accounts in schema <c>portal</c>, Razor Pages with
/// sign-in required everywhere but the sign-in page.</summary>
public static class PortalApp
{
    /// <summary>Builds the application. <paramref name="overrides"/> win over every other source (the CLI's
    /// options, tests); <c>urls</c> among them sets the addresses Kestrel listens on.
    /// <paramref name="configureServices"/> runs after the portal's own registrations (tests replace a service).</summary>
    public static WebApplication Build(IEnumerable<KeyValuePair<string, string?>>? overrides = null,
        Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(PortalApp).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        // One settings chain for every neaspec program; no unprefixed environment variables, no secrets in files.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            // Start-up and failures, not every SQL statement and request; appsettings.json may say otherwise.
            ["Logging:LogLevel:Default"] = "Information",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
        });
        builder.Configuration.AddConfiguration(SurveySettings.Load(overrides));
        if (builder.Configuration["urls"] is { Length: > 0 } urls)
        {
            builder.WebHost.UseUrls(urls);
        }

        var options = builder.Configuration.GetSection(PortalOptions.Section).Get<PortalOptions>() ?? new PortalOptions();
        options.Validate();
        var sharing = SharingOptions.From(builder.Configuration);
        sharing.Validate();
        var database = new SurveyDatabase(SurveySettings.ConnectionString(builder.Configuration));
        var services = builder.Services;
        services.AddSingleton(options);
        services.AddSingleton(ImportLimits.Load(builder.Configuration));
        services.AddSingleton(sharing);
        services.AddSingleton(database);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<UploadStore>();
        services.AddScoped<UploadProcessor>();
        services.AddDbContext<PortalDbContext>(o => PortalDbContext.Configure(o, database.DataSource));

        // Sign-in cookies and antiforgery tokens stay valid across restarts and between instances sharing the folder.
        services.AddDataProtection()
            .SetApplicationName("neaspec-portal")
            .PersistKeysToFileSystem(new DirectoryInfo(options.KeysFolder));

        AddAccounts(services);

        // Uploads are limited at every layer that reads the body; the form buffers file sections to a
        // temporary file beyond 64 KiB, never to memory.
        services.Configure<FormOptions>(o =>
        {
            o.MultipartBodyLengthLimit = options.MaxUploadBytes + UploadLimit.FormOverhead;
            o.MemoryBufferThreshold = 64 * 1024;
        });
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = options.MaxUploadBytes + UploadLimit.FormOverhead);

        configureServices?.Invoke(services);

        var app = builder.Build();
        // Made now, so the first sign-in with an unknown e-mail costs no more than the ones after it.
        _ = app.Services.GetRequiredService<DecoyPasswordHash>();
        app.UseExceptionHandler("/Error");
        app.Use(SecurityHeaders.Apply);
        app.Use(UploadLimit.RejectOversized(options.MaxUploadBytes));
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapRazorPages();
        app.Lifetime.ApplicationStopped.Register(() => database.DisposeAsync().AsTask().GetAwaiter().GetResult());
        return app;
    }

    /// <summary>Accounts and who may see what: Identity in the portal's schema, the sign-in cookie, the
    /// roles' policies, the pages each policy guards, antiforgery.</summary>
    private static void AddAccounts(IServiceCollection services)
    {
        services.AddIdentity<PortalUser, IdentityRole>(o =>
            {
                // Length over composition rules (NIST SP 800-63B); lock out after repeated failures.
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.User.RequireUniqueEmail = true;
            })
            .AddEntityFrameworkStores<PortalDbContext>()
            .AddDefaultTokenProviders()
            .AddSignInManager<PortalSignInManager>();
        services.AddSingleton<DecoyPasswordHash>();
        // Role changes and disabled accounts reach signed-in sessions within a minute.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = "neaspec.portal";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.SlidingExpiration = true;
        });

        services.AddAuthorizationBuilder()
            // Every endpoint needs a signed-in user unless it says otherwise; only the sign-in page does.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Upload, p => p.RequireRole(Roles.Researcher))
            .AddPolicy(Policies.ReadAll, p => p.RequireRole(Roles.Analyst, Roles.Admin))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin));

        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/");
            o.Conventions.AuthorizePage("/Upload", Policies.Upload);
            o.Conventions.AuthorizeFolder("/Reports", Policies.ReadAll);
            o.Conventions.AuthorizeFolder("/Admin", Policies.Admin);
            o.Conventions.AllowAnonymousToPage("/Account/Login");
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "neaspec.antiforgery";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
        });
    }

    /// <summary>Applies the survey schema's and then the portal's migrations, and creates the roles.</summary>
    public static async Task MigrateAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        await services.GetRequiredService<SurveyDatabase>().MigrateAsync(cancellationToken);
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<PortalDbContext>().Database.MigrateAsync(cancellationToken);
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    /// <summary>Builds, migrates (unless Portal:MigrateOnStart is false) and runs until stopped.</summary>
    public static async Task RunAsync(IEnumerable<KeyValuePair<string, string?>>? overrides = null, CancellationToken cancellationToken = default)
    {
        await using var app = Build(overrides);
        if (app.Services.GetRequiredService<PortalOptions>().MigrateOnStart)
        {
            await MigrateAsync(app.Services, cancellationToken);
        }
        await app.RunAsync(cancellationToken);
    }
}
