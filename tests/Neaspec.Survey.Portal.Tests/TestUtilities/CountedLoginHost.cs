using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Neaspec.Survey.Portal.Accounts;

namespace Neaspec.Survey.Portal.Tests.TestUtilities;

/// <summary>The portal with its password hasher (Identity's PBKDF2 <see cref="PasswordHasher{TUser}"/>, the
/// options it runs with) wrapped in a <see cref="CountingPasswordHasher"/>.</summary>
public sealed class CountedLoginHost : PortalHost
{
    public CountedLoginHost()
    {
        ConfigureServices = services =>
        {
            services.AddSingleton(Work);
            services.AddScoped<IPasswordHasher<PortalUser>>(s =>
                new CountingPasswordHasher(new PasswordHasher<PortalUser>(s.GetRequiredService<IOptions<PasswordHasherOptions>>()), Work));
        };
    }

    public PasswordWork Work { get; } = new();
}
