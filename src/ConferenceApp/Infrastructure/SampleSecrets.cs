using ConferenceApp.Data;
using ConferenceApp.Infrastructure.Caching;
using Npgsql;
using StackExchange.Redis;

namespace ConferenceApp.Infrastructure;

/// <summary>
/// The check that stops a Production start when a secret the configuration needs is missing, or
/// is a sample value copied from the documentation or the compose file.
/// </summary>
/// <remarks>
/// Checked: the SMTP password (needed when an SMTP user is set), the password in a PostgreSQL
/// connection string, and the password in the Redis configuration. A PostgreSQL password may be
/// left out, because Npgsql can also take it from PGPASSWORD or a password file. The messages
/// name the setting but never repeat a real secret.
/// </remarks>
public static class SampleSecrets
{
    /// <summary>Values that appear as examples in the documentation, or are well-known defaults.</summary>
    public static readonly IReadOnlySet<string> Samples = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "conference", "conferenceapp", "choose-one", "...", "…", "changeme", "change-me", "password", "secret", "postgres",
    };

    /// <summary>Returns one message per missing or sample secret; empty when there is none.</summary>
    public static IReadOnlyList<string> Find(IConfiguration configuration)
    {
        var problems = new List<string>();

        var smtpUser = configuration["Email:SmtpUser"];
        var smtpPassword = configuration["Email:SmtpPassword"];
        if (!string.IsNullOrWhiteSpace(smtpUser) && string.IsNullOrWhiteSpace(smtpPassword))
        {
            problems.Add("Email:SmtpUser is set but Email:SmtpPassword is missing. Set Email__SmtpPassword to the SMTP account's password.");
        }
        else if (IsSample(smtpPassword))
        {
            problems.Add(SampleMessage("Email:SmtpPassword", smtpPassword!));
        }

        if (DatabaseSetup.ReadProvider(configuration) == DatabaseProvider.Postgres)
        {
            var connectionString = configuration.GetConnectionString(DatabaseSetup.ConnectionStringName);
            if (PostgresPassword(connectionString) is { } password && IsSample(password))
            {
                problems.Add(SampleMessage($"The password in ConnectionStrings:{DatabaseSetup.ConnectionStringName}", password));
            }
        }

        var redis = configuration[RedisConnection.ConfigurationKey];
        if (!string.IsNullOrWhiteSpace(redis) && RedisPassword(redis) is { } redisPassword && IsSample(redisPassword))
        {
            problems.Add(SampleMessage($"The password in {RedisConnection.ConfigurationKey}", redisPassword));
        }

        return problems;
    }

    /// <summary>
    /// Returns false in Production when <see cref="Find"/> reports anything, after logging one
    /// critical entry, so the process exits before it touches the database.
    /// </summary>
    public static bool HasNoSampleSecrets(this WebApplication app)
    {
        if (!app.Environment.IsProduction())
        {
            return true;
        }

        var problems = Find(app.Configuration);
        if (problems.Count == 0)
        {
            return true;
        }

        app.Logger.LogCritical("The app does not start in Production with a missing or sample secret: {Problems}", string.Join(" ", problems));
        return false;
    }

    private static bool IsSample(string? value) => value is not null && Samples.Contains(value.Trim());

    private static string SampleMessage(string setting, string sample) =>
        $"{setting} is the sample value \"{sample}\". Choose a secret of your own and set it in the environment, not in a file of the repository.";

    private static string? PostgresPassword(string? connectionString)
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(connectionString).Password;
        }
        catch (ArgumentException)
        {
            // An invalid connection string fails at the first connection, with Npgsql's message.
            return null;
        }
    }

    private static string? RedisPassword(string configuration)
    {
        try
        {
            return ConfigurationOptions.Parse(configuration).Password;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
