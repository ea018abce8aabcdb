using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Neaspec.Survey.Portal.Accounts;
using Neaspec.Survey.Portal.Tests.TestUtilities;

namespace Neaspec.Survey.Portal.Tests;

/// <summary>The sign-in does not tell accounts apart: an unknown e-mail, a wrong password and a locked or
/// disabled account get the same page after the same password-hash work (counted by a wrapped hasher, never
/// timed), and lockout still locks and an admin still unlocks.</summary>
public sealed partial class LoginTests(CountedLoginHost host) : IClassFixture<CountedLoginHost>
{
    private const string WrongPassword = "not the password at all";

    private sealed record Attempt(HttpStatusCode Status, string Body, string HeaderNames, IReadOnlyList<string> VerifiedAgainst, int Hashes);

    [Fact]
    public async Task Unknown_email_wrong_password_and_locked_or_disabled_accounts_get_one_page_after_one_hash_verification_each()
    {
        var decoy = host.Services.GetRequiredService<DecoyPasswordHash>().Hash;
        var known = await host.AddUserAsync(Unique("known"), null, Roles.Researcher);
        var locked = await host.AddUserAsync(Unique("locked"), null, Roles.Researcher);
        await FailAsync(locked.Email!, 5);
        var disabled = await host.AddUserAsync(Unique("disabled"), null, Roles.Researcher);
        var noPassword = await AddWithoutPasswordAsync(Unique("no-password"));
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
            Assert.True((await users.SetLockoutEndDateAsync((await users.FindByIdAsync(disabled.Id))!, DateTimeOffset.MaxValue)).Succeeded);
        }
        var cases = new (string Case, string Email, string Password, string Hash)[]
        {
            ("unknown e-mail", Unique("nobody"), WrongPassword, decoy),
            ("wrong password", known.Email!, WrongPassword, known.PasswordHash!),
            ("locked out, wrong password", locked.Email!, WrongPassword, locked.PasswordHash!),
            ("locked out, right password", locked.Email!, PortalHost.Password, locked.PasswordHash!),
            ("disabled, right password", disabled.Email!, PortalHost.Password, disabled.PasswordHash!),
            ("account without a password", noPassword, WrongPassword, decoy),
        };

        var first = await AttemptAsync(cases[0].Email, cases[0].Password);
        foreach (var (name, email, password, hash) in cases)
        {
            var attempt = await AttemptAsync(email, password);

            Assert.True(attempt.Status == HttpStatusCode.OK, $"{name}: {(int)attempt.Status}");
            // One verification, against the account's own hash or the decoy's; no hash made per request.
            Assert.True(attempt.VerifiedAgainst.SequenceEqual([hash]), $"{name}: {attempt.VerifiedAgainst.Count} verifications");
            Assert.True(attempt.Hashes == 0, $"{name}: {attempt.Hashes} hashes made");
            Assert.True(first.Body == attempt.Body, $"{name}: the page differs from the unknown e-mail's");
            Assert.Equal(first.HeaderNames, attempt.HeaderNames);
        }
        Assert.Contains("Wrong e-mail or password, or the account is locked", first.Body, StringComparison.Ordinal);

        // The work a successful sign-in does, for scale: the same single verification.
        var success = await AttemptAsync(known.Email!, PortalHost.Password);
        Assert.Equal(HttpStatusCode.Redirect, success.Status);
        Assert.Equal([known.PasswordHash!], success.VerifiedAgainst);
    }

    [Fact]
    public void The_decoy_hash_has_the_format_algorithm_and_iteration_count_of_a_real_one()
    {
        var decoy = Convert.FromBase64String(host.Services.GetRequiredService<DecoyPasswordHash>().Hash);
        using var scope = host.Services.CreateScope();
        var real = Convert.FromBase64String(scope.ServiceProvider.GetRequiredService<IPasswordHasher<PortalUser>>()
            .HashPassword(new PortalUser(), PortalHost.Password));

        // Identity v3 layout: 0x01, PRF (4 bytes), iteration count (4 bytes), salt length (4 bytes), salt, subkey.
        Assert.Equal(0x01, real[0]);
        Assert.Equal(real[..13], decoy[..13]);
        Assert.Equal(real.Length, decoy.Length);
        // As docs/security.md says: PBKDF2 with HMAC-SHA512 (KeyDerivationPrf 2), 100,000 iterations (.NET 7+ defaults).
        Assert.Equal(2u, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(decoy.AsSpan(1)));
        Assert.Equal(100_000u, System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(decoy.AsSpan(5)));
    }

    [Fact]
    public async Task The_lockout_counter_does_not_tell_a_real_account_from_an_unknown_one_and_an_admin_unlocks()
    {
        var real = await host.AddUserAsync(Unique("counted"), null, Roles.Researcher);
        var unknown = Unique("never-created");

        // Six wrong passwords each: the real account locks at the fifth, the answers never change.
        for (var i = 0; i < 6; i++)
        {
            var toReal = await AttemptAsync(real.Email!, $"{WrongPassword} {i}");
            var toUnknown = await AttemptAsync(unknown, $"{WrongPassword} {i}");
            Assert.True(toReal.Body == toUnknown.Body, $"attempt {i + 1}: the pages differ");
            Assert.Equal(toReal.Status, toUnknown.Status);
            Assert.Equal(toReal.VerifiedAgainst.Count, toUnknown.VerifiedAgainst.Count);
        }

        // Lockout still works: locked for the configured 15 minutes, the right password refused.
        var end = await host.Db.ScalarAsync<DateTime>($"select lockout_end from portal.users where id = '{real.Id}'");
        Assert.InRange(end - DateTime.UtcNow, TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(16));
        Assert.Equal(HttpStatusCode.OK, (await AttemptAsync(real.Email!, PortalHost.Password)).Status);

        // The admin sees the lock on Users and lifts it; the owner signs in at once.
        using var admin = await host.SignedInAsync(null, Roles.Admin);
        var page = await admin.GetStringAsync("/Admin/Users");
        Assert.Matches($"(?s){Regex.Escape(real.Email!)}</td>(?:(?!</tr>).)*?locked until \\d{{4}}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC", page);
        using var unlocked = await admin.PostFormAsync("/Admin/Users?handler=Unlock", [new("id", real.Id)], await admin.TokenAsync("/Admin/Users"));
        Assert.Contains($"{real.Email} unlocked", await unlocked.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await host.Db.ScalarAsync<int>($"select access_failed_count from portal.users where id = '{real.Id}'"));
        Assert.Equal(HttpStatusCode.Redirect, (await AttemptAsync(real.Email!, PortalHost.Password)).Status);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData(null, null)]
    [InlineData("   ", WrongPassword)]
    public async Task An_empty_or_missing_field_gets_the_same_page_not_an_error(string? email, string? password)
    {
        var reference = await AttemptAsync(Unique("nobody"), WrongPassword);

        var attempt = await AttemptAsync(email, password);

        Assert.Equal(HttpStatusCode.OK, attempt.Status);
        Assert.Single(attempt.VerifiedAgainst);
        Assert.Equal(reference.Body, attempt.Body);
    }

    private static string Unique(string name) => $"{name}-{Guid.NewGuid():N}"[..(name.Length + 13)] + "@example.org";

    private async Task FailAsync(string email, int times)
    {
        for (var i = 0; i < times; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await AttemptAsync(email, $"{WrongPassword} {i}")).Status);
        }
    }

    private async Task<string> AddWithoutPasswordAsync(string email)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PortalUser>>();
        Assert.True((await users.CreateAsync(new PortalUser { UserName = email, Email = email, EmailConfirmed = true })).Succeeded);
        return email;
    }

    /// <summary>One sign-in from a fresh browser. The body comes back with the antiforgery token and the e-mail
    /// field's value (the form shows what was typed) replaced by placeholders: everything else must match between cases.</summary>
    private async Task<Attempt> AttemptAsync(string? email, string? password)
    {
        using var client = host.Client();
        var token = await client.TokenAsync("/Account/Login");
        var fields = new List<KeyValuePair<string, string>>();
        if (email is not null)
        {
            fields.Add(new("Email", email));
        }
        if (password is not null)
        {
            fields.Add(new("Password", password));
        }
        host.Work.Reset();
        using var response = await client.PostFormAsync("/Account/Login", fields, token);
        var verified = host.Work.VerifiedAgainst;
        var hashes = host.Work.Hashes;
        var body = TokenValue().Replace(await response.Content.ReadAsStringAsync(), "value=\"TOKEN\"");
        body = EmailValue().Replace(body, "name=\"Email\" value=\"EMAIL\"");
        var headers = string.Join(",", response.Headers.Concat(response.Content.Headers).Select(h => h.Key).Order(StringComparer.OrdinalIgnoreCase));
        return new Attempt(response.StatusCode, body, headers, verified, hashes);
    }

    [GeneratedRegex("value=\"CfDJ8[^\"]+\"")]
    private static partial Regex TokenValue();

    [GeneratedRegex("name=\"Email\" value=\"[^\"]*\"")]
    private static partial Regex EmailValue();
}
