using System.CommandLine;
using Spectre.Console;
using Neaspec.Survey.Portal;
using Neaspec.Survey.Portal.Accounts;

namespace Neaspec.Survey.Cli.Commands;

internal static class PortalCommand
{
    public const string PasswordVariable = "NEASPEC_ADMIN_PASSWORD";

    public static Command Create() => new("portal", "The upload portal for field researchers (web app)") { Serve(), CreateAdmin() };

    private static Command Serve()
    {
        var urls = new Option<string>("--urls")
        {
            Description = "Addresses to listen on, ';'-separated",
            DefaultValueFactory = _ => "http://127.0.0.1:5080",
        };
        var command = new Command("serve", "Start the portal (migrates the database first); Ctrl+C stops it") { urls };
        command.SetAction((parseResult, ct) => Cli.RunAsync(async () =>
        {
            await PortalApp.RunAsync(Overrides(parseResult, ("urls", parseResult.GetValue(urls))), ct);
            return 0;
        }));
        return command;
    }

    private static Command CreateAdmin()
    {
        var email = new Option<string>("--email") { Description = "The admin's e-mail (the sign-in name)", Required = true };
        var command = new Command("create-admin",
            $"Create the first admin, or make an existing account admin with a new password. The password comes from " +
            $"{PasswordVariable} or standard input, never from an argument") { email };
        command.SetAction((parseResult, ct) => Cli.RunAsync(async () =>
        {
            var password = ReadPassword();
            if (string.IsNullOrEmpty(password))
            {
                Cli.Error($"no password: set {PasswordVariable} or pipe it on standard input");
                return 1;
            }
            await using var app = PortalApp.Build(Overrides(parseResult));
            Console.WriteLine(await AdminAccount.CreateAsync(app.Services, parseResult.GetValue(email)!.Trim(), password, ct));
            return 0;
        }));
        return command;
    }

    private static string? ReadPassword()
    {
        if (Environment.GetEnvironmentVariable(PasswordVariable) is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment;
        }
        if (!Console.IsInputRedirected)
        {
            return AnsiConsole.Prompt(new TextPrompt<string>("Password:").Secret());
        }
        return Console.In.ReadLine()?.TrimEnd('\r', '\n');
    }

    private static List<KeyValuePair<string, string?>> Overrides(ParseResult parseResult, params (string Key, string? Value)[] more)
    {
        var overrides = new List<KeyValuePair<string, string?>>();
        if (parseResult.GetValue(Cli.ConnectionOption) is { Length: > 0 } connection)
        {
            overrides.Add(new("ConnectionStrings:Survey", connection));
        }
        overrides.AddRange(more.Select(m => new KeyValuePair<string, string?>(m.Key, m.Value)));
        return overrides;
    }
}
