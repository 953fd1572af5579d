using ConferenceApp.Infrastructure;
using ConferenceApp.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace ConferenceApp.Tests.Infrastructure;

/// <summary>The start-up check for missing and sample secrets, and its effect in Production.</summary>
public sealed class SampleSecretsTests
{
    [Fact]
    public void Own_secrets_pass()
    {
        var configuration = Configuration(
            ("Database:Provider", "Postgres"),
            ("ConnectionStrings:DefaultConnection", "Host=db;Database=conference;Username=conference;Password=f7Kq2-ours"),
            ("Email:SmtpUser", "mailer"),
            ("Email:SmtpPassword", "x9-long-own-secret"),
            ("Redis:Configuration", "redis:6379,password=r3dis-own"));

        Assert.Empty(SampleSecrets.Find(configuration));
    }

    [Fact]
    public void Postgres_without_password_passes()
    {
        var configuration = Configuration(("Database:Provider", "Postgres"), ("ConnectionStrings:DefaultConnection", "Host=db;Username=app"));

        Assert.Empty(SampleSecrets.Find(configuration));
    }

    [Theory]
    [InlineData("conference")]
    [InlineData("Choose-One")]
    [InlineData("...")]
    [InlineData(" changeme ")]
    public void Postgres_sample_password_is_found(string sample)
    {
        var configuration = Configuration(
            ("Database:Provider", "Postgres"),
            ("ConnectionStrings:DefaultConnection", $"Host=db;Username=app;Password={sample}"));

        var problem = Assert.Single(SampleSecrets.Find(configuration));

        Assert.Contains("ConnectionStrings:DefaultConnection", problem, StringComparison.Ordinal);
        Assert.Contains("sample value", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Sqlite_ignores_connection_password()
    {
        var configuration = Configuration(("ConnectionStrings:DefaultConnection", "Data Source=conference.db"));

        Assert.Empty(SampleSecrets.Find(configuration));
    }

    [Fact]
    public void Smtp_user_without_password_is_found()
    {
        var configuration = Configuration(("Email:SmtpUser", "mailer"));

        var problem = Assert.Single(SampleSecrets.Find(configuration));

        Assert.Contains("Email:SmtpPassword is missing", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Smtp_sample_password_is_found()
    {
        var configuration = Configuration(("Email:SmtpUser", "mailer"), ("Email:SmtpPassword", "password"));

        var problem = Assert.Single(SampleSecrets.Find(configuration));

        Assert.Contains("Email:SmtpPassword", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Redis_sample_password_is_found()
    {
        var configuration = Configuration(("Redis:Configuration", "redis:6379,password=secret"));

        var problem = Assert.Single(SampleSecrets.Find(configuration));

        Assert.Contains("Redis:Configuration", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Own_password_is_never_in_message()
    {
        var configuration = Configuration(("Email:SmtpUser", "mailer"), ("Email:SmtpPassword", "conference"), ("Redis:Configuration", "redis:6379,password=0wn-Secret"));

        var problems = SampleSecrets.Find(configuration);

        Assert.Single(problems);
        Assert.DoesNotContain("0wn-Secret", problems[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Production_with_sample_secret_does_not_start()
    {
        using var app = new AppFactory
        {
            EnvironmentName = "Production",
            Settings = new() { ["AllowedHosts"] = "localhost", ["Email:SmtpUser"] = "mailer", ["Email:SmtpPassword"] = "changeme" },
        };

        Assert.ThrowsAny<Exception>(() => app.CreateClient());

        var critical = Assert.Single(app.Logs.Records, r => r.Level == Microsoft.Extensions.Logging.LogLevel.Critical);
        Assert.Contains("Email:SmtpPassword", critical.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(app.Logs.Records, r => r.Category == "Microsoft.EntityFrameworkCore.Migrations");
    }

    [Fact]
    public void Blank_smtp_password_is_missing()
    {
        var configuration = Configuration(("Email:SmtpUser", "mailer"), ("Email:SmtpPassword", "  "));

        var problem = Assert.Single(SampleSecrets.Find(configuration));

        Assert.Contains("Email:SmtpPassword is missing", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Development_with_sample_secret_starts()
    {
        using var app = new AppFactory { EnvironmentName = "Development", Settings = new() { ["Email:SmtpUser"] = "mailer", ["Email:SmtpPassword"] = "changeme" } };

        Assert.NotNull(app.CreateClient());
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();
}
