using ConferenceApp.Features.Accounts;
using ConferenceApp.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ConferenceApp.Tests.Accounts;

/// <summary>The one-time setup token that the app logs at start-up while no organizer exists.</summary>
public sealed class FirstRunSetupTests
{
    private static string LoggedToken(AppFactory app)
    {
        var entry = Assert.Single(app.Logs.Records, record => record.Values.ContainsKey("SetupToken"));
        return Assert.IsType<string>(entry.Values["SetupToken"]);
    }

    [Fact]
    public async Task Setup_token_is_logged_once()
    {
        await using var app = new AppFactory();
        var setup = app.Services.GetRequiredService<FirstRunSetup>();

        var token = LoggedToken(app);

        Assert.Equal(32, token.Length);
        Assert.True(setup.IsOpen);
    }

    [Fact]
    public async Task Token_spends_only_once()
    {
        await using var app = new AppFactory();
        var setup = app.Services.GetRequiredService<FirstRunSetup>();
        var token = LoggedToken(app);

        Assert.True(setup.TrySpend(token));
        Assert.False(setup.TrySpend(token));
        Assert.False(setup.IsOpen);
        Assert.False(setup.Accepts(token));
    }

    [Fact]
    public async Task Wrong_token_keeps_setup_open()
    {
        await using var app = new AppFactory();
        var setup = app.Services.GetRequiredService<FirstRunSetup>();
        var token = LoggedToken(app);

        Assert.False(setup.TrySpend("0123456789abcdef0123456789abcdef"));
        Assert.True(setup.IsOpen);
        Assert.True(setup.Accepts(token));
    }

    [Fact]
    public async Task Restore_reopens_with_same_token()
    {
        await using var app = new AppFactory();
        var setup = app.Services.GetRequiredService<FirstRunSetup>();
        var token = LoggedToken(app);
        setup.TrySpend(token);

        setup.Restore(token);

        Assert.True(setup.TrySpend(token));
    }

    [Fact]
    public async Task Existing_organizer_logs_no_token()
    {
        var folder = AppFactory.NewTempFolder();
        var databasePath = Path.Combine(folder, "conference.db");
        try
        {
            await using (var first = AppFactory.OnDatabaseFile(databasePath))
            {
                await first.CreateOrganizerClientAsync();
            }

            await using var second = AppFactory.OnDatabaseFile(databasePath);
            var setup = second.Services.GetRequiredService<FirstRunSetup>();

            Assert.DoesNotContain(second.Logs.Records, record => record.Values.ContainsKey("SetupToken"));
            Assert.False(setup.IsOpen);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
