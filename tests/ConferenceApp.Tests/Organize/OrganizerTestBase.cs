using System.Globalization;
using ConferenceApp.Data;
using ConferenceApp.Domain;
using ConferenceApp.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ConferenceApp.Tests.Organize;

/// <summary>A fresh app over its own SQLite file with the demo conference, and a browser signed in as an organizer.</summary>
public abstract class OrganizerTestBase : IAsyncLifetime, IDisposable
{
    protected const string Conference = DemoConference.Slug;

    protected AppFactory App { get; } = new();

    protected OrganizerBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync() => Browser = new OrganizerBrowser(await App.CreateOrganizerClientAsync());

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose()
    {
        App.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Returns the audit entries written for one entity type, newest last.</summary>
    protected async Task<List<AuditEntry>> AuditOfAsync(string entityType)
    {
        await using var scope = App.OpenDb();
        return await scope.Db.AuditEntries.Where(a => a.EntityType == entityType).OrderBy(a => a.Id).ToListAsync();
    }

    /// <summary>Returns the stored id of the demo conference.</summary>
    protected async Task<int> ConferenceIdAsync()
    {
        await using var scope = App.OpenDb();
        return await scope.Db.Conferences.Where(c => c.Slug == Conference).Select(c => c.Id).SingleAsync();
    }

    protected static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    protected static Dictionary<string, string> Fields(params (string Name, string Value)[] fields) =>
        fields.ToDictionary(f => f.Name, f => f.Value);
}
