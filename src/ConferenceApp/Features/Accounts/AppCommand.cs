using System.Text;
using ConferenceApp.Data;
using ConferenceApp.Infrastructure;
using Microsoft.AspNetCore.Identity;

namespace ConferenceApp.Features.Accounts;

/// <summary>
/// A command given on the command line instead of serving the site:
/// <list type="bullet">
/// <item><c>create-organizer --email ADDRESS</c> reads the password from standard input and
/// creates an organizer account.</item>
/// <item><c>reset-two-factor --email ADDRESS</c> turns off an account's two-factor sign-in and
/// replaces its authenticator key, for an account whose phone and recovery codes are lost.</item>
/// <item><c>migrate</c> applies the database migrations and exits.</item>
/// <item><c>copy-to-postgres --from SQLITE_CONNECTION --to POSTGRES_CONNECTION</c> copies a
/// SQLite database into an empty PostgreSQL database (see <see cref="Data.SqliteToPostgresCopy"/>).</item>
/// <item><c>backup --to FILE</c> copies the live SQLite database into a new file, and
/// <c>restore --from FILE [--replace]</c> copies such a file into the configured database (see
/// <see cref="Data.SqliteBackup"/>).</item>
/// </list>
/// Arguments that are not part of a command go to the web host as configuration.
/// </summary>
public sealed class AppCommand
{
    public const string CreateOrganizer = "create-organizer";
    public const string ResetTwoFactor = "reset-two-factor";
    public const string Migrate = "migrate";
    public const string CopyToPostgres = "copy-to-postgres";
    public const string Backup = "backup";
    public const string Restore = "restore";

    private const string ReplaceFlag = "--replace";

    private static readonly string[] Names = [CreateOrganizer, ResetTwoFactor, Migrate, CopyToPostgres, Backup, Restore];

    // Options that take no value.
    private static readonly string[] Flags = [ReplaceFlag];

    // The options that each command takes; anything else is passed on to the host.
    private static readonly Dictionary<string, string[]> OptionsOf = new()
    {
        [CreateOrganizer] = ["--email"],
        [ResetTwoFactor] = ["--email"],
        [Migrate] = [],
        [CopyToPostgres] = ["--from", "--to"],
        [Backup] = ["--to"],
        [Restore] = ["--from", ReplaceFlag],
    };

    private readonly Dictionary<string, string> _options;

    private AppCommand(string? name, Dictionary<string, string> options, string[] hostArguments)
    {
        Name = name;
        _options = options;
        HostArguments = hostArguments;
    }

    /// <summary>The command's name, or null to run the web app.</summary>
    public string? Name { get; }

    public string? Email => Option("--email");

    public string[] HostArguments { get; }

    /// <summary>Returns the value given for an option such as <c>--from</c>, or null.</summary>
    public string? Option(string option) => _options.GetValueOrDefault(option);

    public static AppCommand Parse(string[] args)
    {
        if (args.Length == 0 || !Names.Contains(args[0], StringComparer.Ordinal))
        {
            return new AppCommand(null, [], args);
        }

        var name = args[0];
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var rest = new List<string>();
        for (var index = 1; index < args.Length; index++)
        {
            var known = OptionsOf[name].FirstOrDefault(o => args[index] == o || args[index].StartsWith(o + "=", StringComparison.Ordinal));
            if (known is null)
            {
                rest.Add(args[index]);
            }
            else if (Flags.Contains(known))
            {
                options[known] = "true";
            }
            else if (args[index] == known && index + 1 < args.Length)
            {
                options[known] = args[++index];
            }
            else if (args[index] != known)
            {
                options[known] = args[index][(known.Length + 1)..];
            }
        }

        return new AppCommand(name, options, [.. rest]);
    }

    /// <summary>
    /// Runs the command and returns the process exit code: 0 on success, 1 when it failed, 2 when
    /// an option is missing. A database that cannot be reached or a malformed connection string
    /// gives one line naming the problem instead of a stack trace.
    /// </summary>
    public async Task<int> RunAsync(WebApplication app)
    {
        try
        {
            return await (Name switch
            {
                Migrate => MigrateAsync(app),
                CopyToPostgres => CopyToPostgresAsync(app),
                Backup => BackupAsync(app),
                Restore => RestoreAsync(app),
                ResetTwoFactor => ResetTwoFactorAsync(app),
                _ => CreateOrganizerAsync(app),
            });
        }
        catch (Exception exception) when (DatabaseErrors.IsConnectionFailure(exception))
        {
            await Console.Error.WriteLineAsync($"The {Name} command failed: {DatabaseErrors.Describe(exception)}");
            return 1;
        }
    }

    private static async Task<int> MigrateAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ConferenceDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger<AppCommand>();

        var applied = await DatabaseStartup.MigrateAsync(db, logger, CancellationToken.None);
        await Console.Out.WriteLineAsync(applied == 0
            ? "The database is up to date; no migrations were pending."
            : $"Applied {applied} migrations; the database is up to date.");
        return 0;
    }

    private async Task<int> CopyToPostgresAsync(WebApplication app)
    {
        var from = Option("--from");
        var to = Option("--to");
        if (string.IsNullOrWhiteSpace(from) || string.IsNullOrWhiteSpace(to))
        {
            await Console.Error.WriteLineAsync(
                "Missing --from or --to: usage is copy-to-postgres --from \"Data Source=conference.db\" --to \"Host=...;Database=...;Username=...;Password=...\".");
            return 2;
        }

        // A plain file path is accepted as well as a connection string.
        if (!from.Contains('=', StringComparison.Ordinal))
        {
            from = $"Data Source={from}";
        }

        var copy = new SqliteToPostgresCopy(
            DatabaseSetup.ResolveSqliteConnectionString(from, app.Environment.ContentRootPath), to, app.Services);
        var result = await copy.RunAsync(CancellationToken.None);
        if (result.Error is not null)
        {
            await Console.Error.WriteLineAsync(result.Error);
            return 1;
        }

        await Console.Out.WriteLineAsync($"Copied {result.RowCount} rows in {result.TableCount} tables into PostgreSQL.");
        return 0;
    }

    private async Task<int> BackupAsync(WebApplication app)
    {
        var to = Option("--to");
        if (string.IsNullOrWhiteSpace(to))
        {
            await Console.Error.WriteLineAsync("Missing --to: usage is backup --to FILE, where FILE does not exist yet.");
            return 2;
        }

        if (await SqliteConnectionOrErrorAsync(app, Backup) is not { } live)
        {
            return 2;
        }

        var result = await new SqliteBackup(app.Services).BackupAsync(live, to, CancellationToken.None);
        if (result.Error is not null)
        {
            await Console.Error.WriteLineAsync(result.Error);
            return 1;
        }

        await Console.Out.WriteLineAsync($"Backed up {Conferences(result.ConferenceCount)} ({result.Bytes} bytes) to {result.Path}.");
        return 0;
    }

    private async Task<int> RestoreAsync(WebApplication app)
    {
        var from = Option("--from");
        if (string.IsNullOrWhiteSpace(from))
        {
            await Console.Error.WriteLineAsync("Missing --from: usage is restore --from FILE [--replace], with the app stopped.");
            return 2;
        }

        if (await SqliteConnectionOrErrorAsync(app, Restore) is not { } target)
        {
            return 2;
        }

        var replace = Option(ReplaceFlag) is not null;
        var result = await new SqliteBackup(app.Services).RestoreAsync(from, target, replace, CancellationToken.None);
        if (result.Error is not null)
        {
            await Console.Error.WriteLineAsync(result.Error);
            return 1;
        }

        await Console.Out.WriteLineAsync($"Restored {Conferences(result.ConferenceCount)} into {result.Path}.");
        if (result.KeptPath is not null)
        {
            await Console.Out.WriteLineAsync($"The database it replaced is kept as {result.KeptPath}.");
        }

        return 0;
    }

    private static string Conferences(long count) => count == 1 ? "1 conference" : $"{count} conferences";

    // Returns the configured SQLite connection string, or writes why the command needs SQLite.
    private static async Task<string?> SqliteConnectionOrErrorAsync(WebApplication app, string command)
    {
        if (DatabaseSetup.ReadProvider(app.Configuration) != DatabaseProvider.Sqlite)
        {
            await Console.Error.WriteLineAsync(
                $"The {command} command works on SQLite only. On PostgreSQL use pg_dump and pg_restore: see \"Backup and restore\" in docs/operator.md.");
            return null;
        }

        var connectionString = app.Configuration.GetConnectionString(DatabaseSetup.ConnectionStringName) ?? string.Empty;
        return DatabaseSetup.ResolveSqliteConnectionString(connectionString, app.Environment.ContentRootPath);
    }

    private async Task<int> CreateOrganizerAsync(WebApplication app)
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

    private async Task<int> ResetTwoFactorAsync(WebApplication app)
    {
        if (string.IsNullOrWhiteSpace(Email))
        {
            await Console.Error.WriteLineAsync("Missing --email: usage is reset-two-factor --email ADDRESS.");
            return 2;
        }

        await app.PrepareDatabaseAsync(openFirstRunSetup: false);

        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<IdentityUser>>();
        var user = await users.FindByEmailAsync(Email.Trim());
        if (user is null)
        {
            await Console.Error.WriteLineAsync($"No account has the email {Email}; nothing was changed.");
            return 1;
        }

        var operations = scope.ServiceProvider.GetRequiredService<TwoFactor.TwoFactorOperations>();
        await operations.ResetKeyAsync(user, CancellationToken.None, actor: "system");
        await Console.Out.WriteLineAsync(
            $"Two-factor sign-in is off for {Email} and its old key no longer works. The account signs in with its password and can set up two-factor sign-in again.");
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
