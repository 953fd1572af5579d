using ConferenceApp.Data;
using ConferenceApp.Features.Accounts;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Infrastructure;

/// <summary>Brings the database up to date before the app serves its first request.</summary>
public static class DatabaseStartup
{
    /// <summary>
    /// Applies pending migrations, loads the demo conference into an empty database when
    /// <c>DemoData:LoadIntoEmptyDatabase</c> is true, and, when <paramref name="openFirstRunSetup"/>
    /// is true, opens first-run setup while no organizer exists.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app, bool openFirstRunSetup = true)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DatabaseStartup));
        var db = services.GetRequiredService<ConferenceDbContext>();

        var pending = (await db.Database.GetPendingMigrationsAsync()).ToList();
        if (pending.Count > 0)
        {
            logger.LogInformation("Applying {MigrationCount} database migrations: {Migrations}", pending.Count, string.Join(", ", pending));
            await db.Database.MigrateAsync();
        }

        if (app.Configuration.GetValue("DemoData:LoadIntoEmptyDatabase", true)
            && await DemoConference.LoadIfEmptyAsync(db, CancellationToken.None))
        {
            logger.LogInformation("Loaded the demo conference {ConferenceSlug} into the empty database", DemoConference.Slug);
        }

        if (openFirstRunSetup)
        {
            await services.GetRequiredService<FirstRunSetup>().OpenIfNoOrganizerAsync(CancellationToken.None);
        }
    }
}
