using System.Text;
using ConferenceApp.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace ConferenceApp.Features.Accounts;

/// <summary>
/// A command given on the command line instead of serving the site:
/// <c>create-organizer --email ADDRESS</c> reads the password from standard input and creates
/// an organizer account. Arguments that are not a command go to the web host as configuration.
/// </summary>
public sealed class AppCommand
{
    public const string CreateOrganizer = "create-organizer";

    private AppCommand(string? name, string? email, string[] hostArguments)
    {
        Name = name;
        Email = email;
        HostArguments = hostArguments;
    }

    /// <summary>The command's name, or null to run the web app.</summary>
    public string? Name { get; }

    public string? Email { get; }

    public string[] HostArguments { get; }

    public static AppCommand Parse(string[] args)
    {
        if (args.Length == 0 || args[0] != CreateOrganizer)
        {
            return new AppCommand(null, null, args);
        }

        string? email = null;
        var rest = new List<string>();
        for (var index = 1; index < args.Length; index++)
        {
            if (args[index] == "--email" && index + 1 < args.Length)
            {
                email = args[++index];
            }
            else if (args[index].StartsWith("--email=", StringComparison.Ordinal))
            {
                email = args[index]["--email=".Length..];
            }
            else
            {
                rest.Add(args[index]);
            }
        }

        return new AppCommand(CreateOrganizer, email, [.. rest]);
    }

    /// <summary>Runs the command against the app's database and returns the process exit code.</summary>
    public async Task<int> RunAsync(WebApplication app)
    {
        if (string.IsNullOrWhiteSpace(Email))
        {
            await Console.Error.WriteLineAsync("Missing --email: usage is create-organizer --email ADDRESS, with the password on standard input.");
            return 2;
        }

        var password = ReadPassword();
        if (string.IsNullOrEmpty(password))
        {
            await Console.Error.WriteLineAsync("No password was given on standard input; nothing was created.");
            return 2;
        }

        await app.PrepareDatabaseAsync(openFirstRunSetup: false);

        await using var scope = app.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<OrganizerAccounts>();
        var result = await accounts.CreateAsync(Email.Trim(), password, allowExistingAccount: true);
        if (!result.Succeeded)
        {
            await Console.Error.WriteLineAsync($"The organizer account for {Email} was not created:");
            foreach (IdentityError error in result.Errors)
            {
                await Console.Error.WriteLineAsync($"  {error.Description}");
            }

            return 1;
        }

        await Console.Out.WriteLineAsync($"Organizer account {Email} is ready; sign in at /Identity/Account/Login.");
        return 0;
    }

    // Reads one line. At a terminal the characters are not echoed; from a pipe the line is read as is.
    private static string? ReadPassword()
    {
        if (Console.IsInputRedirected)
        {
            return Console.In.ReadLine()?.TrimEnd('\r');
        }

        Console.Error.Write("Password: ");
        var builder = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                Console.Error.WriteLine();
                return builder.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                if (builder.Length > 0)
                {
                    builder.Length--;
                }
            }
            else if (!char.IsControl(key.KeyChar))
            {
                builder.Append(key.KeyChar);
            }
        }
    }
}
